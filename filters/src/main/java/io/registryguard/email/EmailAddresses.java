package io.registryguard.email;

import java.util.regex.Pattern;

/** Small checks on addresses that arrive from a directory and leave in a mail header. */
public final class EmailAddresses {

    // One @, something on each side, no whitespace or control characters (no header injection), and a
    // length mail servers accept. Deliverability is the mail server's question, not ours.
    private static final Pattern PLAUSIBLE = Pattern.compile("[^@\\s\\p{Cntrl}<>,;\"]+@[^@\\s\\p{Cntrl}<>,;\"]+");
    private static final int MAX_LENGTH = 254;

    private EmailAddresses() {
    }

    /** Whether the text can be used as one recipient address. */
    public static boolean isPlausible(String address) {
        return address != null && address.length() <= MAX_LENGTH && PLAUSIBLE.matcher(address).matches();
    }

    /**
     * The address with most of its local part hidden, for pages ("we sent a code to a•••@example.test") and
     * logs: {@code alice@example.test} → {@code a***@example.test}.
     */
    public static String mask(String address) {
        if (address == null) {
            return "(none)";
        }
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }
}
