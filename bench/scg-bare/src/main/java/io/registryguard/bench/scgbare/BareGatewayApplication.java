package io.registryguard.bench.scgbare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Spring Cloud Gateway with one catch-all route to {@code ORIGIN_URL} and no filters of its own: what the framework
 * costs, for bench/proxy.sh to set registry-guard beside. HTTPS with HTTP/2 when {@code TLS_CERTIFICATE} and
 * {@code TLS_PRIVATE_KEY} name PEM files (application.yml), else plain HTTP.
 */
@SpringBootApplication
public class BareGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareGatewayApplication.class, args);
    }
}
