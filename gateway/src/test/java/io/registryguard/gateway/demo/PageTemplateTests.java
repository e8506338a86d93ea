package io.registryguard.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PageTemplateTests {

    @Test
    void escapesValuesButNotTrustedHtml() {
        Map<String, String> values = Map.of("name", "<b>&\"'", "html", "<li>x</li>");

        String rendered = PageTemplate.of("{{name}}|{{{html}}}").render(values::get);

        assertThat(rendered).isEqualTo("&lt;b&gt;&amp;&quot;&#39;|<li>x</li>");
    }

    @Test
    void sectionKeepsTextOnlyWhenValuePresentAndInvertedSectionOnlyWhenEmpty() {
        PageTemplate template = PageTemplate.of("{{#user}}hi {{user}}{{/user}}{{^user}}log in{{/user}}");

        assertThat(template.render(Map.of("user", "alice")::get)).isEqualTo("hi alice");
        assertThat(template.render(Map.of("user", "")::get)).isEqualTo("log in");
    }

    @Test
    void insertedValueIsNeverReadAsTemplateText() {
        Map<String, String> values = Map.of("a", "{{b}}", "b", "secret", "html", "{{b}}");

        assertThat(PageTemplate.of("{{a}} {{{html}}}").render(values::get)).isEqualTo("{{b}} {{b}}");
    }
}
