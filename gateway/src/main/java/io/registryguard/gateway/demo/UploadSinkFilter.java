package io.registryguard.gateway.demo;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterV2;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestWrapper;
import com.github.tomakehurst.wiremock.http.Body;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Measures a body sent to the upload sink, then lets the request go on without it, so the request
 * journal keeps a record of the upload (method, URL, headers, part names) but not its bytes.
 *
 * <p>WireMock has already read the whole body into one array when filters run; that array is garbage
 * once the request is answered. The request passed on is a detached {@link LoggedRequest}: the journal
 * keeps the request a filter passes on (also as the response definition's "original request"), and a
 * wrapper would keep WireMock's servlet adapter, and with it the body, alive.
 */
final class UploadSinkFilter implements RequestFilterV2 {

    static final String NAME = "demo-upload-sink-filter";

    private static final byte[] NO_BYTES = new byte[0];

    private final SinkReceipts receipts;

    UploadSinkFilter(SinkReceipts receipts) {
        this.receipts = receipts;
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        if (!isSinkUpload(request)) {
            return RequestFilterAction.continueWith(request);
        }
        receipts.put(serveEvent.getId(), SinkReceipt.of(request.getBody()));
        Request withoutBody = RequestWrapper.create()
                .transformBody(body -> new Body(NO_BYTES))
                .transformParts(BodilessPart::new)
                .wrap(request);
        return RequestFilterAction.continueWith(LoggedRequest.createFrom(withoutBody));
    }

    static boolean isSinkUpload(Request request) {
        String url = request.getUrl();
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        return request.getMethod().equals(RequestMethod.POST) && path.equals(UploadSinkStubs.PATH);
    }

    @Override
    public boolean applyToAdmin() {
        return false;
    }

    @Override
    public boolean applyToStubs() {
        return true;
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** A multipart part as journaled by the sink: its name and headers, no content. */
    private record BodilessPart(String getName, String getFileName, HttpHeaders getHeaders) implements Request.Part {

        BodilessPart(Request.Part part) {
            this(part.getName(), part.getFileName(), part.getHeaders());
        }

        @Override
        public HttpHeader getHeader(String name) {
            return getHeaders.getHeader(name);
        }

        @Override
        public Body getBody() {
            return new Body(NO_BYTES);
        }
    }
}
