package io.registryguard.gateway.simulator;

import java.util.List;
import java.util.Random;

/** User agents and languages of real browsers, and the defaults of the HTTP libraries stuffing scripts use. */
final class UserAgents {

    private static final List<String> BROWSERS = List.of(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:123.0) Gecko/20100101 Firefox/123.0",
            "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.3; rv:123.0) Gecko/20100101 Firefox/123.0",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36 Edg/122.0.0.0",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Mobile Safari/537.36");

    private static final List<String> LANGUAGES = List.of("en-US,en;q=0.9", "en-GB,en;q=0.8", "de-DE,de;q=0.9,en;q=0.7",
            "fr-FR,fr;q=0.9,en;q=0.6", "es-ES,es;q=0.9", "pt-BR,pt;q=0.9,en;q=0.5", "ja-JP,ja;q=0.9", "zh-CN,zh;q=0.9",
            "nl-NL,nl;q=0.9,en;q=0.8", "pl-PL,pl;q=0.9");

    private static final List<String> SCRIPTED = List.of("python-requests/2.31.0", "python-requests/2.28.1",
            "python-httpx/0.26.0", "aiohttp/3.9.3", "Go-http-client/1.1", "curl/8.5.0");

    private UserAgents() {
    }

    static String browser(Random random) {
        return BROWSERS.get(random.nextInt(BROWSERS.size()));
    }

    /** A browser other than {@code current}: the user's new laptop or phone. */
    static String otherBrowser(Random random, String current) {
        String next;
        do {
            next = browser(random);
        } while (next.equals(current));
        return next;
    }

    static String language(Random random) {
        return LANGUAGES.get(random.nextInt(LANGUAGES.size()));
    }

    static String scripted(Random random) {
        return SCRIPTED.get(random.nextInt(SCRIPTED.size()));
    }
}
