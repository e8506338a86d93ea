package io.registryguard.gateway;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's own settings, under {@code guard.*}; every key also reads from an environment variable
 * ({@code guard.upstream-url} is {@code GUARD_UPSTREAM_URL}). No secrets live here yet; when they do,
 * {@code toString()} must not print them.
 *
 * @param upstreamUrl        the registry; required unless the {@code demo} profile starts one
 * @param policyFile         the policy file; absent means the built-in Warehouse policy
 * @param policyPollInterval how often the policy file is checked for changes
 * @param trustedProxies     CIDR blocks whose {@code X-Forwarded-For} is believed; empty means nobody
 * @param upstream           how the registry is called
 * @param tls                the HTTPS listener
 * @param hsts               the Strict-Transport-Security header
 * @param deviceCookie       the signed device cookie issued after a successful login
 * @param admin              the admin API on the management port
 * @param session            the guard session (completed logins) and withheld registry sessions
 * @param factors            second factors owned by the gateway
 * @param accounts           where account email addresses are looked up (email verification before enrollment)
 * @param operatorsContact   whom users of a frozen account should contact, shown on the page
 */
@ConfigurationProperties("guard")
@Validated
public record GuardProperties(URI upstreamUrl, Path policyFile,
        @DefaultValue("5s") @NotNull Duration policyPollInterval,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue @Valid Upstream upstream,
        @DefaultValue @Valid Tls tls,
        @DefaultValue @Valid Hsts hsts,
        @DefaultValue @Valid DeviceCookie deviceCookie,
        @DefaultValue @Valid Admin admin,
        @DefaultValue @Valid Session session,
        @DefaultValue @Valid Factors factors,
        @DefaultValue @Valid Accounts accounts,
        @DefaultValue("the registry's operators") String operatorsContact) {

    /**
     * @param uploadPaths   path prefixes of upload endpoints (twine); their requests may take long to send
     * @param uploadTimeout how long an upload may take, sending included (the general response timeout is
     *                      {@code spring.cloud.gateway.server.webflux.httpclient.response-timeout}, 60 s)
     */
    public record Upstream(@DefaultValue({"/legacy/", "/pypi"}) List<String> uploadPaths,
            @DefaultValue("15m") Duration uploadTimeout) {
    }

    /**
     * @param enabled      HTTPS on {@code server.port} (8443) with HTTP redirected; false behind a TLS-terminating
     *                     load balancer, which then serves plain HTTP on 8080
     * @param certificate  PEM certificate chain file; with {@code privateKey}, reloaded when the files change
     * @param privateKey   PEM private key file
     * @param httpPort     the plain-HTTP listener that redirects to HTTPS
     * @param redirectPort the HTTPS port named in redirects (443 behind a Kubernetes Service)
     * @param publicHost   the host named in redirects ({@code GUARD_PUBLIC_HOST}): never the request's Host
     */
    public record Tls(@DefaultValue("true") boolean enabled, Path certificate, Path privateKey,
            @DefaultValue("8080") int httpPort, @DefaultValue("8443") int redirectPort,
            @DefaultValue("localhost") String publicHost) {
    }

    /**
     * @param maxAge            how long browsers must use HTTPS only
     * @param includeSubdomains add {@code includeSubDomains}
     */
    public record Hsts(@DefaultValue("365d") Duration maxAge, @DefaultValue("true") boolean includeSubdomains) {
    }

    /**
     * @param key    base64 of at least 32 random bytes, the same on every replica; absent: a key per process
     *               (fine for one node, and said so at start)
     * @param maxAge how long a device stays known after its last successful login
     */
    public record DeviceCookie(String key, @DefaultValue("90d") Duration maxAge) {

        @Override
        public String toString() {
            return "DeviceCookie[key=" + (key == null ? "generated" : "(set)") + ", maxAge=" + maxAge + "]";
        }
    }

    /** @param token the bearer token of the admin API ({@code GUARD_ADMIN_TOKEN}); absent: the API refuses everyone */
    public record Admin(String token) {

        @Override
        public String toString() {
            return "Admin[token=" + (token == null ? "none" : "(set)") + "]";
        }
    }

    /**
     * @param key            base64 of at least 32 random bytes signing the guard session cookie, the same on every
     *                       replica; absent: a key per process (said so at start)
     * @param lifetime       how long a completed login lasts
     * @param pendingTtl     how long a password login waits for its second factor
     * @param registryCookie the registry's session cookie (Warehouse: {@code session_id})
     */
    public record Session(String key, @DefaultValue("12h") Duration lifetime, @DefaultValue("5m") Duration pendingTtl,
            @DefaultValue("session_id") String registryCookie) {

        @Override
        public String toString() {
            return "Session[key=" + (key == null ? "generated" : "(set)") + ", lifetime=" + lifetime + "]";
        }
    }

    /**
     * @param keysFile the factor-encryption key ring (JSON: {@code {"keys":[{"kid":..,"key":<base64 32 bytes>}]}});
     *                 absent: a generated key, factors lost on restart (said so at start)
     * @param issuer   the name authenticator apps show
     * @param emailCodeKey base64 of at least 32 random bytes: the HMAC key emailed codes are stored under, the
     *                 same on every replica; absent: per process (a code is then checked only by the instance
     *                 that sent it)
     */
    public record Factors(Path keysFile, @DefaultValue("registry-guard") String issuer, String emailCodeKey) {

        @Override
        public String toString() {
            return "Factors[keysFile=" + keysFile + ", issuer=" + issuer + ", emailCodeKey="
                    + (emailCodeKey == null ? "generated" : "(set)") + "]";
        }
    }

    /**
     * @param file         a YAML file {@code accounts: {alice: alice@example.test}} (small installs, the demo)
     * @param urlTemplate  a registry-internal lookup, e.g. {@code http://warehouse.internal/_internal/users/{username}}
     * @param emailPointer the JSON pointer to the address in its answer
     */
    public record Accounts(Path file, String urlTemplate, @DefaultValue("/email") String emailPointer) {
    }
}
