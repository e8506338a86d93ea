package io.registryguard.classify;

import java.nio.charset.StandardCharsets;

/** Builds {@code multipart/form-data} bodies for tests. */
final class MultipartBodies {

    static final String BOUNDARY = "test-boundary";
    static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    private MultipartBodies() {
    }

    /** One part per name, CRLF line ends, as browsers send them. */
    static byte[] withFields(String... names) {
        StringBuilder sb = new StringBuilder();
        for (String name : names) {
            sb.append("--").append(BOUNDARY).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                    .append("value of ").append(name).append("\r\n");
        }
        return sb.append("--").append(BOUNDARY).append("--\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
