package io.registryguard.email;

import io.registryguard.testsupport.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.registryguard.email.CheckResult.Outcome;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class EmailVerificationTests {

    private final MutableClock clock = MutableClock.at("2024-03-25T12:00:00Z");
    private final InMemoryEmailCodeStore store = new InMemoryEmailCodeStore(clock);
    private final EmailVerification verification = EmailVerification.create(EmailCodeSettings.defaults(), store,
            EmailVerification.generateHashKey(), clock);

    private Issued issue(String account, CodePurpose purpose) {
        return verification.issue(account, purpose).block();
    }

    private CheckResult check(String account, CodePurpose purpose, String input) {
        return verification.check(account, purpose, input).block();
    }

    /** The same length, certainly not the code. */
    private static String wrong(String code) {
        char first = code.charAt(0) == '9' ? '0' : (char) (code.charAt(0) + 1);
        return first + code.substring(1);
    }

    @Test
    void issueWhenDefaultsThenEightDigitsValidForTenMinutes() {
        Issued issued = issue("alice", CodePurpose.ENROLL);

        assertThat(issued.code()).matches("[0-9]{8}");
        assertThat(issued.expiresAt()).isEqualTo(Instant.parse("2024-03-25T12:10:00Z"));
        assertThat(issued.validFor()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void issueWhenSixDigitsConfiguredThenSixDigits() {
        var six = EmailVerification.create(new EmailCodeSettings(6, Duration.ofMinutes(10), 5), store,
                EmailVerification.generateHashKey(), clock);

        String code = six.issue("alice", CodePurpose.ENROLL).block().code();

        assertThat(code).matches("[0-9]{6}");
        assertThat(six.check("alice", CodePurpose.ENROLL, code).block()).isEqualTo(CheckResult.accepted());
    }

    @Test
    void verifyWhenRightCodeThenAcceptedOnce() {
        String code = issue("alice", CodePurpose.ENROLL).code();

        assertThat(check("alice", CodePurpose.ENROLL, code)).isEqualTo(CheckResult.accepted());
        assertThat(check("alice", CodePurpose.ENROLL, code).outcome()).isEqualTo(Outcome.NONE);
    }

    @Test
    void verifyWhenWrongCodeThenWrongWithTriesLeft() {
        String code = issue("alice", CodePurpose.ENROLL).code();

        assertThat(check("alice", CodePurpose.ENROLL, wrong(code))).isEqualTo(CheckResult.wrong(4));
        assertThat(check("alice", CodePurpose.ENROLL, wrong(code))).isEqualTo(CheckResult.wrong(3));
        assertThat(check("alice", CodePurpose.ENROLL, code).isAccepted()).isTrue();
    }

    @Test
    void verifyWhenFiveWrongCodesThenCodeBurned() {
        String code = issue("alice", CodePurpose.ENROLL).code();
        for (int left = 4; left >= 0; left--) {
            assertThat(check("alice", CodePurpose.ENROLL, wrong(code))).isEqualTo(CheckResult.wrong(left));
        }

        assertThat(check("alice", CodePurpose.ENROLL, code)).isEqualTo(CheckResult.expiredOrBurned());
    }

    @Test
    void verifyWhenFourWrongCodesThenFifthTryMayStillBeRight() {
        String code = issue("alice", CodePurpose.ENROLL).code();
        for (int i = 0; i < 4; i++) {
            check("alice", CodePurpose.ENROLL, wrong(code));
        }

        assertThat(check("alice", CodePurpose.ENROLL, code)).isEqualTo(CheckResult.accepted());
    }

    @Test
    void verifyWhenTenMinutesPassedThenExpired() {
        String code = issue("alice", CodePurpose.ENROLL).code();
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        String second = issue("bob", CodePurpose.ENROLL).code();
        clock.advance(Duration.ofSeconds(1));

        assertThat(check("alice", CodePurpose.ENROLL, code)).isEqualTo(CheckResult.expiredOrBurned());
        assertThat(check("bob", CodePurpose.ENROLL, second)).isEqualTo(CheckResult.accepted());
    }

    @Test
    void verifyWhenLongAfterExpiryThenNone() {
        String code = issue("alice", CodePurpose.ENROLL).code();
        clock.advance(Duration.ofMinutes(20));

        assertThat(check("alice", CodePurpose.ENROLL, code)).isEqualTo(CheckResult.none());
    }

    @Test
    void verifyWhenNothingIssuedThenNone() {
        assertThat(check("alice", CodePurpose.ENROLL, "12345678")).isEqualTo(CheckResult.none());
    }

    @Test
    void verifyWhenCodeIssuedForEnrollThenStepUpRefusesIt() {
        String code = issue("alice", CodePurpose.ENROLL).code();

        assertThat(check("alice", CodePurpose.STEP_UP, code)).isEqualTo(CheckResult.none());
        issue("alice", CodePurpose.STEP_UP);
        assertThat(check("alice", CodePurpose.STEP_UP, code).outcome()).isEqualTo(Outcome.WRONG);
        assertThat(check("alice", CodePurpose.ENROLL, code)).isEqualTo(CheckResult.accepted());
    }

    @Test
    void verifyWhenCodeOfAnotherAccountThenWrong() {
        String alices = issue("alice", CodePurpose.ENROLL).code();
        String bobs = issue("bob", CodePurpose.ENROLL).code();

        assertThat(check("bob", CodePurpose.ENROLL, alices).isAccepted()).isEqualTo(alices.equals(bobs));
        assertThat(check("bob", CodePurpose.ENROLL, bobs).isAccepted()).isTrue();
    }

    @Test
    void verifyWhenNewCodeIssuedThenOldCodeWrongAndTriesReset() {
        String first = issue("alice", CodePurpose.ENROLL).code();
        check("alice", CodePurpose.ENROLL, wrong(first));
        check("alice", CodePurpose.ENROLL, wrong(first));
        String second = issue("alice", CodePurpose.ENROLL).code();

        CheckResult old = check("alice", CodePurpose.ENROLL, first);
        assertThat(old.outcome()).isEqualTo(first.equals(second) ? Outcome.ACCEPTED : Outcome.WRONG);
        assertThat(old.triesLeft()).isEqualTo(first.equals(second) ? 0 : 4);
    }

    @Test
    void verifyWhenAccountKeyDiffersThenNotTheSameSlot() {
        // accounts arrive canonical (AccountNames); a code issued for one key never passes for another
        String code = issue("Alice", CodePurpose.ENROLL).code();

        assertThat(check("ALICE", CodePurpose.ENROLL, code).outcome()).isNotEqualTo(Outcome.ACCEPTED);
        assertThat(check("Alice", CodePurpose.ENROLL, code)).isEqualTo(CheckResult.accepted());
    }

    @Test
    void verifyWhenCodeTypedWithSpacesOrDashThenAccepted() {
        String code = issue("alice", CodePurpose.ENROLL).code();
        String typed = " " + code.substring(0, 4) + " - " + code.substring(4) + " ";

        assertThat(check("alice", CodePurpose.ENROLL, typed)).isEqualTo(CheckResult.accepted());
    }

    @Test
    void verifyWhenMalformedInputThenCountsAsWrongTry() {
        String code = issue("alice", CodePurpose.ENROLL).code();

        assertThat(check("alice", CodePurpose.ENROLL, code.substring(1))).isEqualTo(CheckResult.wrong(4));
        assertThat(check("alice", CodePurpose.ENROLL, code + "0")).isEqualTo(CheckResult.wrong(3));
        assertThat(check("alice", CodePurpose.ENROLL, "abcdefgh")).isEqualTo(CheckResult.wrong(2));
        assertThat(check("alice", CodePurpose.ENROLL, null)).isEqualTo(CheckResult.wrong(1));
        assertThat(check("alice", CodePurpose.ENROLL, code)).isEqualTo(CheckResult.accepted());
    }

    @Test
    void verifyWhenManyConcurrentRightChecksThenExactlyOneAccepted() {
        String code = issue("alice", CodePurpose.ENROLL).code();

        List<CheckResult> results = Flux.range(0, 4)
                .flatMap(i -> verification.check("alice", CodePurpose.ENROLL, code).subscribeOn(Schedulers.parallel()))
                .collectList().block();

        assertThat(results).filteredOn(CheckResult::isAccepted).hasSize(1);
        assertThat(results).filteredOn(r -> !r.isAccepted()).allMatch(r -> r.outcome() == Outcome.NONE);
    }

    @Test
    void issueWhenStoredThenStoreHoldsKeyedHashNotTheCode() {
        var recording = new RecordingStore(store);
        var key1 = EmailVerification.create(EmailCodeSettings.defaults(), recording,
                EmailVerification.generateHashKey(), clock);

        String code = key1.issue("alice", CodePurpose.ENROLL).block().code();
        StoredCode stored = recording.lastPut;

        assertThat(stored.hash()).hasSize(32);
        assertThat(new String(stored.hash(), StandardCharsets.ISO_8859_1)).doesNotContain(code);
        assertThat(stored.toString()).doesNotContain(code);
        // Another server key gives another hash for the same (account, purpose, code).
        var otherKey = new CodeHasher(EmailVerification.generateHashKey());
        assertThat(otherKey.hash(new CodeKey("alice", CodePurpose.ENROLL), code)).isNotEqualTo(stored.hash());
    }

    @Test
    void issueWhenPrintedThenCodeHidden() {
        Issued issued = issue("alice", CodePurpose.ENROLL);

        assertThat(issued.toString()).doesNotContain(issued.code()).contains("hidden");
    }

    /** Remembers what was put, delegates everything. */
    private static final class RecordingStore implements EmailCodeStore {
        private final EmailCodeStore delegate;
        private StoredCode lastPut;

        RecordingStore(EmailCodeStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Mono<Void> put(CodeKey key, StoredCode code) {
            lastPut = code;
            return delegate.put(key, code);
        }

        @Override
        public Mono<TryReservation> reserveTry(CodeKey key, Instant now) {
            return delegate.reserveTry(key, now);
        }

        @Override
        public Mono<Boolean> consume(CodeKey key, byte[] hash) {
            return delegate.consume(key, hash);
        }
    }
}
