package io.registryguard.email;

import java.util.Optional;

/** What the user typed, made comparable: spaces and dashes dropped ("1234 5678", "1234-5678"). */
final class CodeInput {

    /** Longer input is not a code; it is not even looked at. */
    private static final int MAX_LENGTH = 64;

    private CodeInput() {
    }

    /** The digits, when the input is exactly {@code digits} of them once separators are dropped. */
    static Optional<String> normalize(String input, int digits) {
        if (input == null || input.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(digits);
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c >= '0' && c <= '9') {
                code.append(c);
            } else if (c != ' ' && c != '-' && c != '\t') {
                return Optional.empty();
            }
        }
        return code.length() == digits ? Optional.of(code.toString()) : Optional.empty();
    }
}
