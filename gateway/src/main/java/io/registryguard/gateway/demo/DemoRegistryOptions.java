package io.registryguard.gateway.demo;

import com.github.tomakehurst.wiremock.core.Options.ChunkedEncodingPolicy;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/** How the demo registry's WireMock runs; each choice below says why it differs from WireMock's default. */
final class DemoRegistryOptions {

    /** Bounded, so a long demo session or a load test cannot grow the journal without limit. */
    static final int JOURNAL_ENTRIES = 1000;

    private DemoRegistryOptions() {
    }

    static WireMockConfiguration create() {
        SinkReceipts sinkReceipts = new SinkReceipts();
        return WireMockConfiguration.wireMockConfig()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                // Warehouse sits behind HTTP/1.1 proxies; no h2c upgrade surprises for the gateway's client.
                .http2PlainDisabled(true)
                // Bodies arrive as stored, so tests compare bytes and hashes directly.
                .gzipDisabled(true)
                // Content-Length on every answer, as Warehouse sends it (pip shows download progress).
                .useChunkedTransferEncoding(ChunkedEncodingPolicy.NEVER)
                .maxRequestJournalEntries(JOURNAL_ENTRIES)
                // Also spares the cost: WireMock formats each request, body included, before logging it.
                .stubRequestLoggingDisabled(true)
                .notifier(new QuietNotifier())
                .mappingSource(new NoStubFiles())
                // Browsers behind the gateway may carry many cookies; Jetty's default is 8 KiB.
                .jettyHeaderRequestSize(32 * 1024)
                .extensions(
                        new PageTransformer(),
                        new RedirectTransformer(),
                        new UploadCredentialsMatcher(),
                        new UploadSinkFilter(sinkReceipts),
                        new UploadSinkTransformer(sinkReceipts),
                        new AdminApiBlocker());
    }
}
