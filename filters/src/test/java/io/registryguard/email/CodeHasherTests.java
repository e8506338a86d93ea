package io.registryguard.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class CodeHasherTests {

    private final CodeHasher hasher = new CodeHasher(new SecretKeySpec(new byte[32], "HmacSHA256"));

    @Test
    void hashWhenSameInputsThenSameHash() {
        CodeKey key = new CodeKey("alice", CodePurpose.ENROLL);

        assertThat(hasher.hash(key, "12345678")).isEqualTo(hasher.hash(key, "12345678")).hasSize(32);
    }

    @Test
    void hashWhenAccountPurposeOrCodeDiffersThenDifferent() {
        byte[] base = hasher.hash(new CodeKey("alice", CodePurpose.ENROLL), "12345678");

        assertThat(hasher.hash(new CodeKey("bob", CodePurpose.ENROLL), "12345678")).isNotEqualTo(base);
        assertThat(hasher.hash(new CodeKey("alice", CodePurpose.STEP_UP), "12345678")).isNotEqualTo(base);
        assertThat(hasher.hash(new CodeKey("alice", CodePurpose.ENROLL), "12345679")).isNotEqualTo(base);
    }

    @Test
    void hashWhenFieldsShiftThenStillDifferent() {
        // "ab" + "c" and "a" + "bc" must not meet: fields are length-prefixed.
        assertThat(hasher.hash(new CodeKey("ab", new CodePurpose("c")), "1"))
                .isNotEqualTo(hasher.hash(new CodeKey("a", new CodePurpose("bc")), "1"));
    }

    @Test
    void constructWhenKeyShorterThan256BitsThenRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CodeHasher(new SecretKeySpec(new byte[16], "HmacSHA256")));
    }
}
