package io.registryguard.gateway.demo;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page template in a small Mustache subset: {@code {{name}}} inserts a value HTML-escaped,
 * {@code {{{name}}}} inserts trusted HTML as is, {@code {{#name}}…{{/name}}} keeps its text only when
 * the value is non-empty and {@code {{^name}}…{{/name}}} only when it is empty. Sections do not nest
 * under the same name. Values are inserted in one pass, so a value is never read as template text.
 */
final class PageTemplate {

    private static final String NAME = "([A-Za-z0-9_.:-]+)";
    private static final Pattern SECTION = Pattern.compile("\\{\\{([#^])" + NAME + "}}(.*?)\\{\\{/\\2}}", Pattern.DOTALL);
    private static final Pattern VALUE = Pattern.compile("\\{\\{\\{" + NAME + "}}}|\\{\\{" + NAME + "}}");

    private final String text;

    private PageTemplate(String text) {
        this.text = text;
    }

    static PageTemplate of(String text) {
        return new PageTemplate(text);
    }

    /** Renders with {@code values}, which answers every name the template uses (never null). */
    String render(Function<String, String> values) {
        String sectionsResolved = SECTION.matcher(text).replaceAll(section -> {
            boolean present = !values.apply(section.group(2)).isEmpty();
            boolean keep = section.group(1).equals("#") == present;
            return keep ? Matcher.quoteReplacement(section.group(3)) : "";
        });
        return VALUE.matcher(sectionsResolved).replaceAll(value -> {
            String rendered = value.group(1) != null
                    ? values.apply(value.group(1))
                    : escapeHtml(values.apply(value.group(2)));
            return Matcher.quoteReplacement(rendered);
        });
    }

    static String escapeHtml(String raw) {
        StringBuilder escaped = new StringBuilder(raw.length() + 16);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
