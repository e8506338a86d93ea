package io.registryguard.web;

/** A small self-contained error page: no external assets, no script, readable anywhere. */
final class ErrorPage {

    private ErrorPage() {
    }

    static String render(Problem problem) {
        String title = Html.escape(problem.title());
        String detail = problem.detail() == null ? "" : "<p>" + Html.escape(problem.detail()) + "</p>";
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%d %s</title>
                <style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#222}
                h1{font-size:1.4rem}.code{color:#666}</style></head>
                <body><h1><span class="code">%d</span> %s</h1>%s
                <p><a href="/">Back to the home page</a></p></body></html>
                """.formatted(problem.status().value(), title, problem.status().value(), title, detail);
    }
}
