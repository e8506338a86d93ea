package io.registryguard.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class OtpAuthUriTests {

    private final TotpSecret secret = TotpSecret.generate(new SecureRandom());

    @Test
    void ofWhenPlainNamesThenKeyUriFormatWithEveryParameterSpelledOut() {
        assertThat(OtpAuthUri.of("registry-guard", "alice", secret)).isEqualTo("otpauth://totp/registry-guard:alice?secret="
                + secret.base32() + "&issuer=registry-guard&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void ofWhenSpacesColonsAndNonAsciiThenPercentEncodedAsUtf8() {
        String uri = OtpAuthUri.of("PyPI Guard", "jürgen:ops@example.com", secret);

        assertThat(uri).startsWith("otpauth://totp/PyPI%20Guard:j%C3%BCrgen%3Aops%40example.com?")
                .contains("&issuer=PyPI%20Guard&").doesNotContain("+").doesNotContain(" ");
        URI parsed = URI.create(uri);
        assertThat(parsed.getScheme()).isEqualTo("otpauth");
        assertThat(parsed.getHost()).isEqualTo("totp");
        assertThat(parsed.getPath()).isEqualTo("/PyPI Guard:jürgen:ops@example.com");
    }

    @Test
    void encodeWhenQueryMetacharactersThenEscaped() {
        assertThat(OtpAuthUri.encode("a&b=c?d#e/f%")).isEqualTo("a%26b%3Dc%3Fd%23e%2Ff%25");
        assertThat(OtpAuthUri.encode("Az09-._~")).isEqualTo("Az09-._~");
    }
}
