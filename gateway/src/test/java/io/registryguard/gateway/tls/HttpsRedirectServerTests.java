package io.registryguard.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The redirect's Location is the configured origin plus the request's path: nothing of the request's Host. */
class HttpsRedirectServerTests {

    @Test
    void locationWhenPort443ThenNoPortInTheOrigin() {
        assertThat(new HttpsRedirectServer("127.0.0.1", 0, "PyPI.Example.org", 443).location("/simple/?q=1"))
                .isEqualTo("https://pypi.example.org/simple/?q=1");
    }

    @Test
    void locationWhenAnotherPortThenNamedAndIpv6LiteralKeptInBrackets() {
        assertThat(new HttpsRedirectServer("127.0.0.1", 0, "[2001:db8::1]", 8443).location("/"))
                .isEqualTo("https://[2001:db8::1]:8443/");
    }

    @Test
    void locationWhenAbsoluteFormOrEmptyTargetThenTheRootOfTheConfiguredHost() {
        HttpsRedirectServer server = new HttpsRedirectServer("127.0.0.1", 0, "pypi.example.org", 443);
        assertThat(server.location("http://evil.example/x")).isEqualTo("https://pypi.example.org/");
        assertThat(server.location("")).isEqualTo("https://pypi.example.org/");
        assertThat(server.location("//evil.example/x")).isEqualTo("https://pypi.example.org//evil.example/x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "pypi.example.org:443", "evil.example/@other", "https://pypi.example.org", "::1",
            "-pypi.example", "pypi example", "pypi.example.org."})
    void constructorWhenPublicHostIsNotAHostThenRefusedNamingTheSetting(String host) {
        assertThatIllegalArgumentException().isThrownBy(() -> new HttpsRedirectServer("127.0.0.1", 0, host, 443))
                .withMessageContaining("GUARD_PUBLIC_HOST");
    }
}
