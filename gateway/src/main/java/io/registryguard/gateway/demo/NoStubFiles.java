package io.registryguard.gateway.demo;

import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import java.util.List;

/**
 * The demo registry's routes are code: WireMock must not load stub files from a {@code mappings}
 * folder of whatever directory the gateway runs in, nor write any there.
 */
final class NoStubFiles implements MappingsSource {

    @Override
    public void loadMappingsInto(StubMappings stubMappings) {
        // Nothing to load.
    }

    @Override
    public void save(List<StubMapping> stubMappings) {
        // Nothing is persisted.
    }

    @Override
    public void save(StubMapping stubMapping) {
        // Nothing is persisted.
    }

    @Override
    public void remove(StubMapping stubMapping) {
        // Nothing is persisted.
    }

    @Override
    public void removeAll() {
        // Nothing is persisted.
    }
}
