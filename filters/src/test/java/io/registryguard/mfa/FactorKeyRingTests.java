package io.registryguard.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

class FactorKeyRingTests {

    private static final byte[] SECRET = "twenty-byte-secret!!".getBytes(StandardCharsets.US_ASCII);

    private final FactorKeyRing ring = TestKeys.ring("2026-11", "2026-05");

    @Test
    void sealWhenOpenedForSameAccountThenSameBytes() {
        String sealed = ring.seal("alice", SECRET);

        assertThat(ring.open("alice", sealed)).isEqualTo(SECRET);
    }

    @Test
    void sealWhenCalledThenV1RecordWithPrimaryKidTwelveByteNonceAndTag() {
        String sealed = ring.seal("alice", SECRET);

        // 12-byte nonce = 16 base64url characters; 20 bytes + 16-byte tag = 48.
        assertThat(sealed).matches("v1\\.2026-11\\.[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]{48}");
        assertThat(sealed).doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(SECRET));
    }

    @Test
    void sealWhenSameSecretTwiceThenDifferentNonces() {
        assertThat(ring.seal("alice", SECRET)).isNotEqualTo(ring.seal("alice", SECRET));
    }

    @Test
    void openWhenNonceBitFlippedThenAuthenticationFails() {
        assertTampered(ring.seal("alice", SECRET), 2, bytes -> flip(bytes, 0));
    }

    @Test
    void openWhenCiphertextBitFlippedThenAuthenticationFails() {
        assertTampered(ring.seal("alice", SECRET), 3, bytes -> flip(bytes, 0));
    }

    @Test
    void openWhenTagBitFlippedThenAuthenticationFails() {
        assertTampered(ring.seal("alice", SECRET), 3, bytes -> flip(bytes, bytes.length - 1));
    }

    @Test
    void openWhenOtherAccountThenAuthenticationFails() {
        String sealed = ring.seal("alice", SECRET);

        assertThatThrownBy(() -> ring.open("mallory", sealed)).isInstanceOf(FactorDecryptionException.class)
                .hasMessageContaining("failed authentication").hasMessageContaining("another account");
    }

    @Test
    void openWhenKidSwappedForAnotherKeyOnTheRingThenAuthenticationFails() {
        String sealed = ring.seal("alice", SECRET).replace("v1.2026-11.", "v1.2026-05.");

        assertThatThrownBy(() -> ring.open("alice", sealed)).isInstanceOf(FactorDecryptionException.class)
                .hasMessageContaining("failed authentication under key id '2026-05'");
    }

    @Test
    void openWhenKidChangedToUnknownThenNamesTheMissingKid() {
        String sealed = ring.seal("alice", SECRET).replace("v1.2026-11.", "v1.2026-12.");

        assertThatThrownBy(() -> ring.open("alice", sealed)).isInstanceOf(FactorDecryptionException.class)
                .hasMessageContaining("'2026-12'").hasMessageContaining("not on the factor key ring");
    }

    @Test
    void openWhenMalformedThenSaysWhatIsWrong() {
        String sealed = ring.seal("alice", SECRET);
        String[] parts = sealed.split("\\.");

        assertThatThrownBy(() -> ring.open("alice", "v2" + sealed.substring(2))).isInstanceOf(FactorDecryptionException.class)
                .hasMessageContaining("not in the v1.<kid>.<nonce>.<ciphertext> format");
        assertThatThrownBy(() -> ring.open("alice", sealed + ".x")).hasMessageContaining("format");
        assertThatThrownBy(() -> ring.open("alice", "v1." + parts[1] + ".AAAA." + parts[3])).hasMessageContaining("3-byte nonce");
        assertThatThrownBy(() -> ring.open("alice", "v1." + parts[1] + "." + parts[2] + ".AAAA")).hasMessageContaining("too short");
        assertThatThrownBy(() -> ring.open("alice", "v1." + parts[1] + ".!!!." + parts[3])).hasMessageContaining("nonce that is not base64url");
        assertThatThrownBy(() -> ring.open("alice", "v1.a b." + parts[2] + "." + parts[3])).hasMessageContaining("malformed key id");
    }

    @Test
    void openWhenSealedWithOldPrimaryAfterNewPrimaryAddedThenStillOpens() {
        FactorKeyRing before = TestKeys.ring("2026-05");
        String sealed = before.seal("alice", SECRET);

        FactorKeyRing after = TestKeys.ring("2026-11", "2026-05");

        assertThat(after.primaryKeyId()).isEqualTo("2026-11");
        assertThat(after.open("alice", sealed)).isEqualTo(SECRET);
        assertThat(after.seal("alice", SECRET)).startsWith("v1.2026-11.");
    }

    @Test
    void openWhenOldKeyRemovedThenClearMessageNamingIt() {
        String sealed = TestKeys.ring("2026-05").seal("alice", SECRET);

        FactorKeyRing withoutOld = TestKeys.ring("2026-11");

        assertThatThrownBy(() -> withoutOld.open("alice", sealed)).isInstanceOf(FactorDecryptionException.class)
                .hasMessage("factor secret was sealed with key id '2026-05', which is not on the factor key ring"
                        + " [2026-11]; put that key back on the ring");
    }

    @Test
    void openWhenKidReusedForADifferentKeyThenAuthenticationFails() {
        String sealed = TestKeys.ring("2026-05").seal("alice", SECRET);
        FactorKeyRing reused = FactorKeyRing.fromJson(
                "{\"keys\": [{\"kid\": \"2026-05\", \"key\": \"" + TestKeys.keyFor("other") + "\"}]}");

        assertThatThrownBy(() -> reused.open("alice", sealed)).isInstanceOf(FactorDecryptionException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void generateWhenCalledThenRandomKidAndWorkingKey() {
        FactorKeyRing one = FactorKeyRing.generate();
        FactorKeyRing two = FactorKeyRing.generate();

        assertThat(one.primaryKeyId()).matches("generated-[0-9a-f]{8}").isNotEqualTo(two.primaryKeyId());
        assertThat(one.keyIds()).containsExactly(one.primaryKeyId());
        assertThat(one.open("alice", one.seal("alice", SECRET))).isEqualTo(SECRET);
        assertThatThrownBy(() -> two.open("alice", one.seal("alice", SECRET))).hasMessageContaining("not on the factor key ring");
    }

    @Test
    void toStringWhenKeysLoadedThenKidsOnlyNeverKeyMaterial() {
        String text = ring.toString();

        assertThat(text).isEqualTo("FactorKeyRing[primary=2026-11, keyIds=[2026-11, 2026-05]]");
        assertThat(text).doesNotContain(TestKeys.keyFor("2026-11")).doesNotContain(TestKeys.keyFor("2026-05"));
    }

    private void assertTampered(String sealed, int part, UnaryOperator<byte[]> change) {
        String[] parts = sealed.split("\\.");
        byte[] bytes = Base64.getUrlDecoder().decode(parts[part]);
        parts[part] = Base64.getUrlEncoder().withoutPadding().encodeToString(change.apply(bytes));
        String tampered = String.join(".", parts);
        assertThat(tampered).isNotEqualTo(sealed);

        assertThatThrownBy(() -> ring.open("alice", tampered)).isInstanceOf(FactorDecryptionException.class)
                .hasMessageContaining("failed authentication under key id '2026-11'");
    }

    private static byte[] flip(byte[] bytes, int index) {
        byte[] copy = bytes.clone();
        copy[index] ^= 0x01;
        return copy;
    }
}
