package io.registryguard.read;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * {@code application/x-www-form-urlencoded} (and query strings) read strictly: pairs separated by {@code &} only,
 * {@code +} is a space, every {@code %} starts a valid escape, the decoded bytes are UTF-8, no control characters
 * but tab and line breaks in values, no empty names. {@link #serialize} writes the canonical form back, so a
 * {@code ;}, a stray {@code %} or raw bytes can never reach the registry as something the guard did not read.
 */
final class UrlEncodedForm {

    private UrlEncodedForm() {
    }

    static List<FormField> parse(byte[] body, FormField.Source source) {
        return parse(utf8(body, source), source);
    }

    static List<FormField> parse(String text, FormField.Source source) {
        List<FormField> fields = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('&', start);
            if (end < 0) {
                end = text.length();
            }
            if (end > start) {
                String pair = text.substring(start, end);
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq), source);
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1), source);
                if (name.isEmpty()) {
                    throw new UnreadableRequestException("field-name", "A form field without a name in the "
                            + where(source));
                }
                checkCharacters(name, false, source);
                checkCharacters(value, true, source);
                fields.add(new FormField(name, value, source));
            }
            start = end + 1;
        }
        return fields;
    }

    /** The canonical form: each field as {@code name=value}, both encoded by {@link URLEncoder}, joined by {@code &}. */
    static String serialize(List<FormField> fields) {
        StringJoiner out = new StringJoiner("&");
        for (FormField field : fields) {
            out.add(URLEncoder.encode(field.name(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(field.value(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static String decode(String encoded, FormField.Source source) {
        String plus = encoded.replace('+', ' ');
        if (plus.indexOf('%') < 0) {
            return plus;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(plus.length());
        for (int i = 0; i < plus.length(); i++) {
            char c = plus.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            int hi = i + 2 < plus.length() ? hex(plus.charAt(i + 1)) : -1;
            int lo = i + 2 < plus.length() ? hex(plus.charAt(i + 2)) : -1;
            if (hi < 0 || lo < 0) {
                throw new UnreadableRequestException("percent-encoding",
                        "Invalid percent-encoding in the " + where(source) + ": '%' must start two hex digits");
            }
            bytes.write(hi << 4 | lo);
            i += 2;
        }
        return utf8(bytes.toByteArray(), source);
    }

    /** ASCII hex digits only: {@code Character.digit} would also take fullwidth and other Unicode digits. */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    static String utf8(byte[] bytes, FormField.Source source) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableRequestException("charset", "The " + where(source) + " is not valid UTF-8");
        }
    }

    /** Controls other than tab and line breaks (and those too in names) are nothing a form field holds. */
    static void checkCharacters(String text, boolean value, FormField.Source source) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = value && (c == '\t' || c == '\r' || c == '\n');
            if ((c < 0x20 || c == 0x7f) && !allowed) {
                throw new UnreadableRequestException("control-character",
                        "A control character in a form field " + (value ? "value" : "name") + " of the "
                                + where(source));
            }
        }
    }

    static String where(FormField.Source source) {
        return source == FormField.Source.QUERY ? "query string" : "request body";
    }
}
