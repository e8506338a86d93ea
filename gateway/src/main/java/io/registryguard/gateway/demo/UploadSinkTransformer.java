package io.registryguard.gateway.demo;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Answers a sink upload with its {@link SinkReceipt} as JSON. The receipt comes from
 * {@link UploadSinkFilter}; a request the filter did not measure is measured here.
 */
final class UploadSinkTransformer implements ResponseTransformerV2 {

    static final String NAME = "demo-upload-sink";

    private final SinkReceipts receipts;

    UploadSinkTransformer(SinkReceipts receipts) {
        this.receipts = receipts;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        SinkReceipt receipt = receipts.take(serveEvent.getId())
                .orElseGet(() -> SinkReceipt.of(serveEvent.getRequest().getBody()));
        return Response.Builder.like(response).but().body(receipt.toJson()).build();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
