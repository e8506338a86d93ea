package io.registryguard.sequence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.registryguard.sequence.SensitiveEvent.Kind;

/** The compact member text: readable, reversible for any name, versioned. */
class SensitiveEventCodecTests {

    private static final Instant AT = Instant.parse("2023-11-14T08:47:35Z");

    @Test
    void encodeWhenRemovalThenSpaceSeparatedWithEmptyFieldsForNulls() {
        byte[] member = SensitiveEventCodec.encode(Events.removal(AT, "mallory", "requests", "victim"));

        assertThat(new String(member, UTF_8)).isEqualTo("1 1699951655000 ROLE_REMOVED mallory requests victim ");
    }

    @Test
    void decodeWhenNamesHoldSpacesPercentPlusAndUnicodeThenEqual() {
        SensitiveEvent odd = new SensitiveEvent(AT, "a b", Kind.INVITE, "p", "c%2B+d ü", "Owner role");

        assertThat(SensitiveEventCodec.decode(SensitiveEventCodec.encode(odd))).contains(odd);
    }

    @Test
    void decodeWhenAnotherVersionThenEmpty() {
        assertThat(SensitiveEventCodec.decode("2 1699951655000 WHATEVER".getBytes(UTF_8))).isEmpty();
    }

    @Test
    void decodeWhenMalformedThenErrorQuotingTheMember() {
        assertThatIllegalStateException()
                .isThrownBy(() -> SensitiveEventCodec.decode("1 soon INVITE a p b Owner".getBytes(UTF_8)))
                .withMessageStartingWith("malformed sequence event '1 soon INVITE a p b Owner'");
        assertThatIllegalStateException()
                .isThrownBy(() -> SensitiveEventCodec.decode("1 1699951655000 INVITE a".getBytes(UTF_8)))
                .withMessageContaining("expected 7 fields, found 4");
    }
}
