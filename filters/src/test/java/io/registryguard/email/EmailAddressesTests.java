package io.registryguard.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressesTests {

    @Test
    void isPlausibleWhenOneAddressThenTrue() {
        assertThat(EmailAddresses.isPlausible("alice@example.test")).isTrue();
        assertThat(EmailAddresses.isPlausible("registry-guard@localhost")).isTrue();
    }

    @Test
    void isPlausibleWhenHeaderInjectionOrListThenFalse() {
        assertThat(EmailAddresses.isPlausible("a@x.test\r\nBcc: b@y.test")).isFalse();
        assertThat(EmailAddresses.isPlausible("a@x.test, b@y.test")).isFalse();
        assertThat(EmailAddresses.isPlausible("Alice <a@x.test>")).isFalse();
        assertThat(EmailAddresses.isPlausible("a@b@c")).isFalse();
        assertThat(EmailAddresses.isPlausible("alice")).isFalse();
        assertThat(EmailAddresses.isPlausible("a@" + "x".repeat(260))).isFalse();
        assertThat(EmailAddresses.isPlausible(null)).isFalse();
    }

    @Test
    void maskWhenAddressThenFirstLetterAndDomain() {
        assertThat(EmailAddresses.mask("alice@example.test")).isEqualTo("a***@example.test");
        assertThat(EmailAddresses.mask("nonsense")).isEqualTo("***");
    }
}
