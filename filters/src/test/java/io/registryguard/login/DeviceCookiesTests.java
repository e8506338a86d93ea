package io.registryguard.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class DeviceCookiesTests {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final byte[] key = DeviceCookies.randomKey();

    private DeviceCookies at(Instant now) {
        return new DeviceCookies(key, Duration.ofDays(90), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void verifyWhenIssuedForTheUserThenDeviceId() {
        var cookie = at(NOW).issue("bob");
        assertThat(cookie.getName()).isEqualTo("__Host-guard-device");
        assertThat(cookie.isSecure()).isTrue();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getDomain()).isNull();
        assertThat(at(NOW.plusSeconds(3600)).verify(cookie.getValue(), "bob")).isPresent();
    }

    @Test
    void verifyWhenOtherUserExpiredOrOtherKeyThenEmpty() {
        String value = at(NOW).issue("bob").getValue();
        assertThat(at(NOW).verify(value, "alice")).isEmpty();
        assertThat(at(NOW.plus(Duration.ofDays(91))).verify(value, "bob")).isEmpty();
        var otherKey = new DeviceCookies(DeviceCookies.randomKey(), Duration.ofDays(90), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(otherKey.verify(value, "bob")).isEmpty();
    }

    @Test
    void verifyWhenTamperedOrGarbageThenEmpty() {
        String value = at(NOW).issue("bob").getValue();
        int dot = value.indexOf('.');
        String flippedPayload = (value.charAt(3) == 'A' ? 'B' : 'A') + "";
        assertThat(at(NOW).verify(value.substring(0, 3) + flippedPayload + value.substring(4), "bob")).isEmpty();
        assertThat(at(NOW).verify(value.substring(0, dot) + ".AAAA", "bob")).isEmpty();
        assertThat(at(NOW).verify("garbage", "bob")).isEmpty();
        assertThat(at(NOW).verify("", "bob")).isEmpty();
        assertThat(at(NOW).verify("%%%.%%%", "bob")).isEmpty();
        assertThat(at(NOW).verify("x".repeat(2000), "bob")).isEmpty();
    }

    @Test
    void issueWhenTwiceThenDifferentDevices() {
        var cookies = at(NOW);
        assertThat(cookies.verify(cookies.issue("bob").getValue(), "bob"))
                .isNotEqualTo(cookies.verify(cookies.issue("bob").getValue(), "bob"));
    }

    @Test
    void constructWhenKeyTooShortThenRefusedWithoutShowingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DeviceCookies(new byte[16], Duration.ofDays(1),
                Clock.systemUTC())).withMessageContaining("at least 32 bytes");
        assertThat(at(NOW).toString()).doesNotContain(java.util.Base64.getEncoder().encodeToString(key));
    }
}
