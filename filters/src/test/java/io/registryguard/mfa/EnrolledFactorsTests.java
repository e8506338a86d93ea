package io.registryguard.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class EnrolledFactorsTests {

    private static final Instant ENROLLED = Instant.parse("2026-11-02T10:00:00Z");
    private static final String HASH = RecoveryCodeHash.of("aaaa-bbbb-cccc-dddd").orElseThrow();

    private final String sealed = TestKeys.ring("k1").seal("alice", new byte[20]);

    @Test
    void newWhenValidThenHashesCopiedAndImmutable() {
        Set<String> hashes = new HashSet<>(Set.of(HASH));
        EnrolledFactors factors = new EnrolledFactors("alice", sealed, 7, hashes, ENROLLED);
        hashes.clear();

        assertThat(factors.recoveryCodeHashes()).containsExactly(HASH);
        assertThat(factors.recoveryCodeHashes()).isUnmodifiable();
    }

    @Test
    void newWhenFieldsWrongThenRefusedNamingTheField() {
        assertThatIllegalArgumentException().isThrownBy(() -> new EnrolledFactors(" ", sealed, 7, Set.of(), ENROLLED))
                .withMessageContaining("account");
        assertThatIllegalArgumentException().isThrownBy(() -> new EnrolledFactors("alice", "plaintext", 7, Set.of(), ENROLLED))
                .withMessageStartingWith("encryptedTotpSecret");
        assertThatIllegalArgumentException().isThrownBy(() -> new EnrolledFactors("alice", sealed, -1, Set.of(), ENROLLED))
                .withMessageContaining("lastTotpStep");
        assertThatIllegalArgumentException().isThrownBy(() -> new EnrolledFactors("alice", sealed, 7, Set.of("aaaa-bbbb-cccc-dddd"), ENROLLED))
                .withMessageContaining("recoveryCodeHashes");
    }

    @Test
    void toStringWhenFactorsHeldThenNoSealedSecretAndNoHashes() {
        String text = new EnrolledFactors("alice", sealed, 7, Set.of(HASH), ENROLLED).toString();

        assertThat(text).isEqualTo("EnrolledFactors[account=alice, encryptedTotpSecret=redacted, lastTotpStep=7,"
                + " recoveryCodes=1 left, enrolledAt=2026-11-02T10:00:00Z]");
        assertThat(text).doesNotContain(sealed).doesNotContain(sealed.split("\\.")[3]).doesNotContain(HASH);
    }
}
