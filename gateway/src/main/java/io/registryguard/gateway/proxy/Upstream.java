package io.registryguard.gateway.proxy;

import java.net.URI;

/** The registry every request is forwarded to. */
public record Upstream(URI uri) {

    public Upstream {
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("the registry URL '" + uri
                    + "' is not an absolute http(s) URL like https://warehouse.internal:8000");
        }
    }
}
