package io.registryguard.classify;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Turns a raw request path (as received, still percent-encoded) into the segments the registry will route,
 * so that no spelling of a sensitive path slips past the policy. Used only to classify: the request is
 * forwarded unchanged.
 *
 * <p>When in doubt it errs towards more structure, never less: {@code %2F} and {@code \} are slashes
 * (the WSGI server decodes {@code %2F} into {@code PATH_INFO}), a double-encoded {@code %252F} is a slash too,
 * and {@code ;params} are cut off each segment. Over-classifying costs a step-up; under-classifying an
 * account takeover.
 */
public final class PathNormalizer {

    /** Decoding passes that may still change the path; a path that changes on the next pass is refused. */
    static final int MAX_DECODING_ROUNDS = 3;

    private PathNormalizer() {
    }

    /**
     * @param rawPath the path as received, e.g. {@code /manage/account%2Ftoken/}; null or empty means {@code /}
     * @return the normalized segments: decoded, no empty segments, no dot segments
     * @throws ResponseStatusException 400 with the reason when the path is malformed
     */
    public static List<String> normalize(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return List.of();
        }
        rejectControlCharacters(rawPath);
        String decoded = decodeUntilStable(rawPath);
        rejectControlCharacters(decoded);
        return segments(decoded.replace('\\', '/'));
    }

    private static String decodeUntilStable(String rawPath) {
        String current = rawPath;
        for (int round = 1; ; round++) {
            String next;
            try {
                next = PercentDecoding.decodeStrictUtf8(current, round == 1);
            } catch (IllegalArgumentException e) {
                throw badRequest(e.getMessage());
            }
            if (next.equals(current)) {
                return current;
            }
            if (round > MAX_DECODING_ROUNDS) {
                throw badRequest("percent-encoded more than " + MAX_DECODING_ROUNDS + " times");
            }
            current = next;
        }
    }

    private static void rejectControlCharacters(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == 0) {
                throw badRequest("contains a NUL byte (%00)");
            }
            if (c < 0x20 || c == 0x7f) {
                throw badRequest(String.format("contains the control character U+%04X", (int) c));
            }
        }
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String part : path.split("/", -1)) {
            int semicolon = part.indexOf(';');
            String segment = semicolon < 0 ? part : part.substring(0, semicolon);
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                // RFC 3986 5.2.4: ".." above the root stays at the root
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                continue;
            }
            out.add(segment);
        }
        return List.copyOf(out);
    }

    private static ResponseStatusException badRequest(String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, "Malformed request path: " + reason);
    }
}
