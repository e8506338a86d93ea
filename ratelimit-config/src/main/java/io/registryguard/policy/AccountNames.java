package io.registryguard.policy;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The one canonical form of an account name: what every bucket, record, factor, session subject and audit event
 * is keyed on. A lenient registry logs {@code ALICE}, {@code ａｌｉｃｅ} and {@code alİce} in as alice; if the guard
 * kept them apart, each spelling would get its own rate-limit budget (issue 11: 50 wrong passwords for alice inside
 * a window whose budget is 10). The default reads a name the most forgiving way: Unicode NFKC, full case folding,
 * trimmed. Names carrying control or format characters, or empty once read, have no canonical form: the caller
 * treats them as unreadable.
 *
 * @param normalization how compatibility variants (fullwidth, ligatures) are unified
 * @param caseFolding   how letter case is removed
 * @param trim          strip Unicode whitespace at both ends
 */
public record AccountNames(Normalization normalization, CaseFolding caseFolding, boolean trim) {

    /** NFKC, full case folding, trimmed: the policy's default. */
    public static final AccountNames DEFAULT = new AccountNames(Normalization.NFKC, CaseFolding.FULL, true);

    /** More than any registry allows for a username; a longer one is not a name but an attack on the guard. */
    public static final int MAX_CHARS = 512;

    public AccountNames {
        Objects.requireNonNull(normalization, "normalization");
        Objects.requireNonNull(caseFolding, "caseFolding");
    }

    /** The canonical form of {@code typed}, or empty when it cannot be read as an account name. */
    public Optional<String> canonical(String typed) {
        if (typed == null || typed.length() > MAX_CHARS) {
            return Optional.empty();
        }
        String name = trim ? trimmed(typed) : typed; // a trailing newline is whitespace, not a control character
        if (hasControlOrUnpaired(name)) {
            return Optional.empty();
        }
        name = normalization.apply(name);
        name = caseFolding.apply(name);
        if (caseFolding != CaseFolding.NONE) {
            name = normalization.apply(name); // folding can produce sequences NFKC composes differently
        }
        if (trim) {
            name = trimmed(name);
        }
        return name.isEmpty() || hasControlOrUnpaired(name) ? Optional.empty() : Optional.of(name);
    }

    /**
     * The canonical form, or {@code name} unchanged when it has none: for stores that key on a name an entry point
     * already canonicalized (and refused when unreadable), so folding again changes nothing.
     */
    public String key(String name) {
        return canonical(name).orElse(name);
    }

    /** True when both read as the same account. */
    public boolean same(String a, String b) {
        Optional<String> left = canonical(a);
        return left.isPresent() && left.equals(canonical(b));
    }

    /** Control (Cc) and format (Cf: zero-width, bidi overrides, soft hyphen) characters, and lone surrogates. */
    private static boolean hasControlOrUnpaired(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** Unicode whitespace, including the no-break spaces {@link String#strip()} keeps. */
    private static String trimmed(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && blank(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && blank(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    private static boolean blank(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    public enum Normalization {
        /** Compatibility composition: {@code ａｌｉｃｅ} is alice, {@code ﬁ} is fi, {@code ℌ} is H. */
        NFKC("nfkc"),
        /** The name's code points as sent. */
        NONE("none");

        private final String id;

        Normalization(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        String apply(String text) {
            return this == NFKC ? Normalizer.normalize(text, Normalizer.Form.NFKC) : text;
        }

        static Optional<Normalization> fromId(String id) {
            return java.util.Arrays.stream(values()).filter(n -> n.id.equals(id)).findFirst();
        }
    }

    public enum CaseFolding {
        /**
         * Full folding, as Python's {@code str.casefold()}: {@code ß} is ss. Java has no casefold; upper then lower
         * case in the root locale comes closest. The Turkish dotted and dotless i ({@code İ}, {@code ı}) fold to
         * {@code i}, as a registry comparing folded names sees them.
         */
        FULL("full"),
        /** One code point to one: {@code ALICE} is alice, {@code ß} stays ß. */
        SIMPLE("simple"),
        /** Case matters: for a registry whose names are case-sensitive. */
        NONE("none");

        private final String id;

        CaseFolding(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        String apply(String text) {
            return switch (this) {
                // twice: the capital sharp s lower-cases to ß, which only the second round makes ss
                case FULL -> folded(folded(text)).replace("i\u0307", "i");
                case SIMPLE -> text.codePoints()
                        .map(cp -> Character.toLowerCase(Character.toUpperCase(cp)))
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        .toString();
                case NONE -> text;
            };
        }

        private static String folded(String text) {
            return text.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        }

        static Optional<CaseFolding> fromId(String id) {
            return java.util.Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
        }
    }
}
