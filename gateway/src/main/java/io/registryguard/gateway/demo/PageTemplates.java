package io.registryguard.gateway.demo;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The demo registry's HTML templates, read once from {@code demo/pages/<name>.html} on the classpath. */
final class PageTemplates {

    private static final String LAYOUT = "layout";
    private static final Map<String, PageTemplate> LOADED = new ConcurrentHashMap<>();

    private PageTemplates() {
    }

    static PageTemplate get(String name) {
        return LOADED.computeIfAbsent(name, PageTemplates::load);
    }

    /** Renders page {@code name} inside the shared layout (header, navigation, footer). */
    static String renderInLayout(String name, Function<String, String> values) {
        String content = get(name).render(values);
        return get(LAYOUT).render(key -> key.equals("content") ? content : values.apply(key));
    }

    private static PageTemplate load(String name) {
        byte[] bytes = DemoResources.bytes("demo/pages/" + name + ".html");
        return PageTemplate.of(new String(bytes, StandardCharsets.UTF_8));
    }
}
