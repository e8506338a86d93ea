package io.registryguard.gateway.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code guard.tls.*} into Spring Boot's server and SSL-bundle settings before the web server is
 * built: HTTPS with HTTP/2 on 8443 from PEM files (reloaded when they change), or a generated development
 * certificate with a loud warning when none is configured, or plain HTTP on 8080 when TLS is disabled.
 * Explicit {@code server.*} settings still win: these are defaults.
 */
public final class TlsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String BUNDLE = "guard-server";
    private static final String SOURCE = "registryGuardServerDefaults";

    private final Log log;

    public TlsEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(TlsEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder binder = Binder.get(environment);
        boolean enabled = binder.bind("guard.tls.enabled", Boolean.class).orElse(true);
        Map<String, Object> defaults = new HashMap<>();
        if (!enabled) {
            defaults.put("server.port", 8080);
            log.warn("TLS is disabled (guard.tls.enabled=false): serving plain HTTP on 8080. Only do this behind a "
                    + "TLS-terminating load balancer, and list it in guard.trusted-proxies.");
        } else {
            defaults.put("server.port", 8443);
            defaults.put("server.http2.enabled", true);
            defaults.put("server.ssl.bundle", BUNDLE);
            String prefix = "spring.ssl.bundle.pem." + BUNDLE + ".";
            Path certificate = binder.bind("guard.tls.certificate", Path.class).orElse(null);
            Path privateKey = binder.bind("guard.tls.private-key", Path.class).orElse(null);
            if (certificate != null || privateKey != null) {
                requireReadable(certificate, "guard.tls.certificate (GUARD_TLS_CERTIFICATE)");
                requireReadable(privateKey, "guard.tls.private-key (GUARD_TLS_PRIVATE_KEY)");
                defaults.put(prefix + "keystore.certificate", "file:" + certificate.toAbsolutePath());
                defaults.put(prefix + "keystore.private-key", "file:" + privateKey.toAbsolutePath());
                defaults.put(prefix + "reload-on-update", true);
            } else {
                Path dir = DevCertificate.generate();
                defaults.put(prefix + "keystore.certificate", "file:" + dir.resolve("cert.pem"));
                defaults.put(prefix + "keystore.private-key", "file:" + dir.resolve("key.pem"));
                log.warn("************************************************************************");
                log.warn("No TLS certificate configured: using a generated SELF-SIGNED certificate");
                log.warn("for localhost (valid " + DevCertificate.VALIDITY.toDays() + " days, in " + dir + ").");
                log.warn("Clients cannot verify it. For production set GUARD_TLS_CERTIFICATE and");
                log.warn("GUARD_TLS_PRIVATE_KEY to PEM files (or the chart's tls values).");
                log.warn("************************************************************************");
            }
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }

    private static void requireReadable(Path file, String key) {
        if (file == null) {
            throw new IllegalStateException(key + " is not set: a certificate needs both the chain and the key");
        }
        if (!Files.isReadable(file)) {
            throw new IllegalStateException(key + " names " + file + ", which does not exist or cannot be read");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
