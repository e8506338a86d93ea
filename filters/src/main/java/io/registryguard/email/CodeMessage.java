package io.registryguard.email;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The mail that carries a code: short, plain text, no links (a mail with a link is what phishing looks
 * like; users learn to type codes, not to click). {@link #toString()} hides the text, which holds the code.
 *
 * @param subject the subject; never the code (subjects show on locked screens)
 * @param text    the body
 */
public record CodeMessage(String subject, String text) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public CodeMessage {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }

    /** The mail for a code just issued to the account for the purpose. */
    public static CodeMessage of(String account, CodePurpose purpose, Issued issued) {
        String what;
        String subject;
        if (purpose.equals(CodePurpose.ENROLL)) {
            subject = "Your code to set up two-factor authentication";
            what = "Someone signed in to your account \"" + account + "\" and asked to set up two-factor"
                    + " authentication.";
        } else if (purpose.equals(CodePurpose.SIGN_IN)) {
            subject = "Your code to confirm a sign-in";
            what = "Someone signed in to your account \"" + account + "\" from a place or in a way that looked"
                    + " unusual, with the right password.";
        } else if (purpose.equals(CodePurpose.STEP_UP)) {
            subject = "Your code to confirm an account change";
            what = "Someone signed in to your account \"" + account + "\" and asked to make a sensitive change.";
        } else {
            subject = "Your verification code";
            what = "Someone signed in to your account \"" + account + "\" and asked for a verification code.";
        }
        long minutes = Math.max(1, issued.validFor().toMinutes());
        String text = what + "\n"
                + "If it was you, enter this code:\n"
                + "\n"
                + "    " + issued.code() + "\n"
                + "\n"
                + "It expires in " + minutes + (minutes == 1 ? " minute" : " minutes") + " (at "
                + TIME.format(issued.expiresAt()) + ") and works once.\n"
                + "\n"
                + "If you did not try to sign in, change your password: someone else knows it.\n";
        return new CodeMessage(subject, text);
    }

    @Override
    public String toString() {
        return "CodeMessage[subject=" + subject + ", text=(hidden)]";
    }
}
