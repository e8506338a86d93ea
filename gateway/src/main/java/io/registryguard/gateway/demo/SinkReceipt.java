package io.registryguard.gateway.demo;

/** What the upload sink received: the body's length and sha256, answered as JSON. */
record SinkReceipt(long bytes, String sha256) {

    static SinkReceipt of(byte[] body) {
        return new SinkReceipt(body.length, DemoPackage.sha256Hex(body));
    }

    String toJson() {
        return "{\"bytes\": " + bytes + ", \"sha256\": \"" + sha256 + "\"}";
    }
}
