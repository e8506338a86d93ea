package io.registryguard.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class CodeMessageTests {

    private final Issued issued = new Issued("04711234", Instant.parse("2024-03-25T12:10:00Z"), Duration.ofMinutes(10));

    @Test
    void ofWhenEnrollThenSaysWhatForTheCodeItsExpiryAndChangeYourPassword() {
        CodeMessage message = CodeMessage.of("alice", CodePurpose.ENROLL, issued);

        assertThat(message.subject()).contains("two-factor").doesNotContain("04711234");
        assertThat(message.text())
                .contains("\"alice\"")
                .contains("set up two-factor authentication")
                .contains("    04711234\n")
                .contains("expires in 10 minutes (at 12:10 UTC)")
                .contains("If you did not try to sign in, change your password");
    }

    @Test
    void ofWhenAnyPurposeThenNoLinks() {
        for (CodePurpose purpose : new CodePurpose[] {CodePurpose.ENROLL, CodePurpose.STEP_UP, new CodePurpose("x")}) {
            CodeMessage message = CodeMessage.of("alice", purpose, issued);
            assertThat(message.text()).as(purpose.name()).doesNotContain("http").doesNotContain("www.")
                    .contains("04711234");
        }
    }

    @Test
    void ofWhenStepUpThenOwnSubject() {
        assertThat(CodeMessage.of("alice", CodePurpose.STEP_UP, issued).subject())
                .isNotEqualTo(CodeMessage.of("alice", CodePurpose.ENROLL, issued).subject());
    }

    @Test
    void toStringWhenPrintedThenTextHidden() {
        assertThat(CodeMessage.of("alice", CodePurpose.ENROLL, issued).toString()).doesNotContain("04711234");
    }
}
