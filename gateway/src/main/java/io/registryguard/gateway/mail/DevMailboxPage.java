package io.registryguard.gateway.mail;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.registryguard.web.Html;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /_guard/dev/mailbox}: the dev mailbox as one self-contained HTML page (no script, no external
 * assets, everything escaped), never cached: it shows live codes.
 */
final class DevMailboxPage {

    static final String PATH = "/_guard/dev/mailbox";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private DevMailboxPage() {
    }

    static RouterFunction<ServerResponse> route(DevMailbox mailbox) {
        return RouterFunctions.route(RequestPredicates.GET(PATH), request -> ServerResponse.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .header("Referrer-Policy", "no-referrer")
                .bodyValue(render(mailbox.mails())));
    }

    static String render(List<DevMailbox.Mail> mails) {
        StringBuilder body = new StringBuilder();
        if (mails.isEmpty()) {
            body.append("<p class=\"empty\">No mail yet.</p>\n");
        }
        for (DevMailbox.Mail mail : mails) {
            body.append("<article>\n<dl>")
                    .append("<dt>Date</dt><dd>").append(Html.escape(TIME.format(mail.at()))).append("</dd>")
                    .append("<dt>From</dt><dd>").append(Html.escape(mail.from())).append("</dd>")
                    .append("<dt>To</dt><dd>").append(Html.escape(mail.to())).append("</dd>")
                    .append("<dt>Subject</dt><dd>").append(Html.escape(mail.subject())).append("</dd>")
                    .append("</dl>\n<pre>").append(Html.escape(mail.text())).append("</pre>\n</article>\n");
        }
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>Dev mailbox</title>
                <style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#222}
                h1{font-size:1.4rem}.warn{background:#fff3cd;padding:.5rem 1rem}
                article{border:1px solid #ccc;border-radius:4px;margin:1rem 0;padding:0 1rem}
                dl{display:grid;grid-template-columns:6rem 1fr;gap:.2rem}dt{color:#666}dd{margin:0}
                pre{white-space:pre-wrap;background:#f6f6f6;padding:.5rem}</style></head>
                <body><h1>Dev mailbox</h1>
                <p class="warn">Demo profile only: the last %d mails the gateway would have sent, newest first.
                Reload to see new ones.</p>
                %s</body></html>
                """.formatted(DevMailbox.CAPACITY, body);
    }
}
