package io.registryguard.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A route path from the policy, e.g. {@code /manage/project/{project}/collaboration/}. Segments are
 * literals, {@code {name}} or {@code *} (exactly one non-empty segment) or a final {@code **} (any rest,
 * including nothing). Matching works on already-normalized segments and ignores a trailing slash, because
 * the registry redirects the slash-less variant to the canonical one.
 */
public final class PathTemplate {

    private static final Pattern VARIABLE = Pattern.compile("\\{[A-Za-z_][A-Za-z0-9_]*}");
    private static final String ANY_REST = "**";

    private final String text;
    private final List<String> segments;

    private PathTemplate(String text, List<String> segments) {
        this.text = text;
        this.segments = segments;
    }

    /**
     * Parses a template.
     *
     * @throws IllegalArgumentException with a message that says what is wrong and what was expected
     */
    public static PathTemplate parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty path; expected a path starting with '/', like /account/login/");
        }
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("'" + text + "' does not start with '/'");
        }
        for (char c : new char[] {'%', ';', '?', '#', '\\'}) {
            if (text.indexOf(c) >= 0) {
                throw new IllegalArgumentException("'" + text + "' contains '" + c
                        + "'; write the decoded path, the guard normalizes requests before matching");
            }
        }
        if (text.contains("//")) {
            throw new IllegalArgumentException("'" + text + "' has an empty segment ('//')");
        }
        String body = text.substring(1);
        if (body.endsWith("/")) {
            body = body.substring(0, body.length() - 1);
        }
        List<String> segments = new ArrayList<>();
        if (!body.isEmpty()) {
            String[] parts = body.split("/", -1);
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                if (part.isEmpty()) {
                    throw new IllegalArgumentException("'" + text + "' has an empty segment ('//')");
                }
                if (part.equals(".") || part.equals("..")) {
                    throw new IllegalArgumentException("'" + text + "' has a dot segment '" + part + "'");
                }
                if (part.equals(ANY_REST) && i != parts.length - 1) {
                    throw new IllegalArgumentException("'" + text + "': '**' is allowed only as the last segment");
                }
                if ((part.contains("{") || part.contains("}")) && !VARIABLE.matcher(part).matches()) {
                    throw new IllegalArgumentException("'" + text + "': segment '" + part
                            + "' is not a variable like {project}");
                }
                if (part.contains("*") && !part.equals("*") && !part.equals(ANY_REST)) {
                    throw new IllegalArgumentException("'" + text + "': '*' must be a whole segment");
                }
                segments.add(part);
            }
        }
        return new PathTemplate(text, List.copyOf(segments));
    }

    /**
     * @param path            normalized segments of the request path (no empty segments, no dot segments)
     * @param caseInsensitive compare literals ignoring case
     */
    public boolean matches(List<String> path, boolean caseInsensitive) {
        int n = segments.size();
        for (int i = 0; i < n; i++) {
            String expected = segments.get(i);
            if (expected.equals(ANY_REST)) {
                return true;
            }
            if (i >= path.size()) {
                return false;
            }
            String actual = path.get(i);
            if (isWildcard(expected)) {
                if (actual.isEmpty()) {
                    return false;
                }
            } else if (caseInsensitive ? !expected.equalsIgnoreCase(actual) : !expected.equals(actual)) {
                return false;
            }
        }
        return path.size() == n;
    }

    /** The segments with variables replaced by {@code *}: two templates with the same shape match the same paths. */
    public String shape(boolean caseInsensitive) {
        StringBuilder sb = new StringBuilder();
        for (String s : segments) {
            sb.append('/').append(isWildcard(s) ? "*" : caseInsensitive ? s.toLowerCase(Locale.ROOT) : s);
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    private static boolean isWildcard(String segment) {
        return segment.equals("*") || segment.startsWith("{");
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathTemplate other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
