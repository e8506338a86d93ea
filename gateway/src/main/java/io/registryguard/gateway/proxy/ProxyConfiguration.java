package io.registryguard.gateway.proxy;

import io.registryguard.audit.Auditor;
import io.registryguard.classify.RouteClassificationFilter;
import io.registryguard.clientip.ClientAddressResolver;
import io.registryguard.clientip.ClientAddressWebFilter;
import io.registryguard.clientip.ForwardedHeadersFilter;
import io.registryguard.clientip.TrustedProxies;
import io.registryguard.gateway.GuardProperties;
import io.registryguard.gateway.demo.DemoRegistry;
import io.registryguard.gateway.policy.ActivePolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Everything outside {@code /_guard/} goes to the registry, unchanged: uploads on a route with a longer
 * timeout (the gateway's response timeout counts from the first byte sent), the rest on the default one.
 */
@Configuration(proxyBeanMethods = false)
class ProxyConfiguration {

    static final String ROUTE_ID = "registry";
    static final String UPLOAD_ROUTE_ID = "registry-upload";

    @Bean
    Upstream upstream(GuardProperties properties, ObjectProvider<DemoRegistry> demo) {
        DemoRegistry registry = demo.getIfAvailable();
        if (registry != null) {
            return new Upstream(java.net.URI.create(registry.baseUrl()));
        }
        if (properties.upstreamUrl() == null) {
            throw new IllegalStateException("GUARD_UPSTREAM_URL (guard.upstream-url) is not set: it names the registry "
                    + "to guard, e.g. https://warehouse.internal:8000. To try the gateway without one, run with "
                    + "--spring.profiles.active=demo, which starts an embedded demo registry.");
        }
        return new Upstream(properties.upstreamUrl());
    }

    @Bean
    RouteLocator registryRoutes(RouteLocatorBuilder routes, Upstream upstream, GuardProperties properties) {
        String[] uploads = properties.upstream().uploadPaths().stream()
                .flatMap(p -> java.util.stream.Stream.of(p, p.endsWith("/") ? p + "**" : p + "/**"))
                .toArray(String[]::new);
        return routes.routes()
                .route(UPLOAD_ROUTE_ID, r -> r.order(0).method(HttpMethod.POST).and().path(uploads)
                        .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR,
                                properties.upstream().uploadTimeout().toMillis())
                        .uri(upstream.uri()))
                .route(ROUTE_ID, r -> r.order(1).not(p -> p.path("/_guard/**")).uri(upstream.uri()))
                .build();
    }

    @Bean
    RouteClassificationFilter routeClassificationFilter(ActivePolicy policy, Auditor audit) {
        return new RouteClassificationFilter(policy, audit);
    }

    @Bean
    ClientAddressResolver clientAddressResolver(GuardProperties properties) {
        return new ClientAddressResolver(TrustedProxies.of(properties.trustedProxies()));
    }

    @Bean
    ClientAddressWebFilter clientAddressWebFilter(ClientAddressResolver resolver) {
        return new ClientAddressWebFilter(resolver);
    }

    @Bean
    ForwardedHeadersFilter forwardedHeadersFilter() {
        return new ForwardedHeadersFilter();
    }

    @Bean
    UpstreamErrorWebExceptionHandler upstreamErrorWebExceptionHandler() {
        return new UpstreamErrorWebExceptionHandler();
    }

    @Bean
    AccessLogWebFilter accessLogWebFilter() {
        return new AccessLogWebFilter();
    }
}
