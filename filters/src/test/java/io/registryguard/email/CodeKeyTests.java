package io.registryguard.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class CodeKeyTests {

    @Test
    void redisKeyWhenBuiltThenAccountIsTheHashTag() {
        assertThat(new CodeKey("alice", CodePurpose.ENROLL).redisKey()).isEqualTo("guard:{alice}:email-code:enroll");
        assertThat(new CodeKey("alice", CodePurpose.STEP_UP).redisKey())
                .isEqualTo("guard:{alice}:email-code:step-up");
    }

    @Test
    void accountWhenGivenThenUsedAsGivenNeverFoldedAgain() {
        // the login guard made the canonical key with the policy's setting; a case-sensitive policy keeps Alice
        assertThat(new CodeKey("alice", CodePurpose.ENROLL)).isEqualTo(new CodeKey("alice", CodePurpose.ENROLL));
        assertThat(new CodeKey("Alice", CodePurpose.ENROLL)).isNotEqualTo(new CodeKey("alice", CodePurpose.ENROLL));
    }

    @Test
    void accountWhenBlankThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CodeKey(" ", CodePurpose.ENROLL));
    }

    @Test
    void purposeWhenNotAKeyWordThenRejected() {
        for (String bad : new String[] {"", "Enroll", "a:b", "a}b", "-x", "x".repeat(33)}) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> new CodePurpose(bad));
        }
        assertThat(new CodePurpose("reset-2fa").name()).isEqualTo("reset-2fa");
    }
}
