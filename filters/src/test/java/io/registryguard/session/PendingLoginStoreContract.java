package io.registryguard.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.registryguard.testsupport.Race;
import reactor.test.StepVerifier;

/**
 * What every {@link PendingLoginStore} does, run against each implementation so they behave alike. Ids are random
 * per test, as {@link SessionWithholding} makes them.
 */
abstract class PendingLoginStoreContract {

    static final int RACERS = 20;
    static final Duration TTL = Duration.ofMinutes(5);
    static final String SESSION_COOKIE = "session_id=s3ss10n-0f-al1ce; Path=/; Secure; HttpOnly; SameSite=Lax";
    static final String CSRF_COOKIE = "csrf_token=c5rf-0f-al1ce; Path=/; Secure";
    static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    final String id = SignedValue.randomId();

    /** The store under test; the same instance for the whole test. */
    abstract PendingLoginStore store();

    /** Asserts the entry saved under {@code id} is still there just before {@code ttl} and forgotten at it. */
    abstract void assertForgottenAfter(String id, Duration ttl);

    static PendingLogin login(String id) {
        return new PendingLogin(id, "alice", List.of(SESSION_COOKIE, CSRF_COOKIE), "/manage/projects/?page=2",
                "203.0.113.9", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0",
                Instant.parse("2026-11-02T10:00:00.123456789Z"), true, TOTP_SECRET, true,
                List.of("novel-address", "under-attack"));
    }

    @Test
    void findWhenSavedThenEveryFieldReadsBackEqual() {
        PendingLogin saved = login(id);
        store().save(saved, TTL).block();

        StepVerifier.create(store().find(id)).assertNext(found -> {
            assertThat(found).isEqualTo(saved);
            assertThat(found.registryCookies()).containsExactly(SESSION_COOKIE, CSRF_COOKIE);
            assertThat(found.emailVerified()).isTrue();
            assertThat(found.pendingTotpSecret()).isEqualTo(TOTP_SECRET);
        }).verifyComplete();
    }

    @Test
    void findWhenOptionalFieldsAreNullAndNoCookiesThenReadsBackEqual() {
        PendingLogin bare = new PendingLogin(id, "bob", List.of(), null, null, null, null, false, null);
        store().save(bare, TTL).block();

        StepVerifier.create(store().find(id)).expectNext(bare).verifyComplete();
    }

    @Test
    void findWhenTextNeedsEscapingThenReadsBackEqual() {
        PendingLogin odd = new PendingLogin(id, "名前", List.of("a=\"b\\c\"; Path=/", "d=é\u0000\n"), "/?q=\"x\"",
                "2001:db8::1", "agent \"quoted\" \\ back\tslash", Instant.EPOCH, false, null);
        store().save(odd, TTL).block();

        StepVerifier.create(store().find(id)).expectNext(odd).verifyComplete();
    }

    @Test
    void findWhenFoundThenStillThere() {
        store().save(login(id), TTL).block();

        StepVerifier.create(store().find(id)).expectNextCount(1).verifyComplete();
        StepVerifier.create(store().find(id)).expectNextCount(1).verifyComplete();
        StepVerifier.create(store().take(id)).expectNext(login(id)).verifyComplete();
    }

    @Test
    void takeWhenTakenThenGoneForFindAndTake() {
        store().save(login(id), TTL).block();

        StepVerifier.create(store().take(id)).expectNext(login(id)).verifyComplete();
        StepVerifier.create(store().find(id)).verifyComplete();
        StepVerifier.create(store().take(id)).verifyComplete();
    }

    @Test
    void findAndTakeWhenUnknownIdThenEmpty() {
        StepVerifier.create(store().find(id)).verifyComplete();
        StepVerifier.create(store().take(id)).verifyComplete();
    }

    @Test
    void takeWhenOtherIdTakenThenThisOneStays() {
        String other = SignedValue.randomId();
        store().save(login(id), TTL).block();
        store().save(login(other), TTL).block();

        store().take(other).block();

        StepVerifier.create(store().find(id)).expectNext(login(id)).verifyComplete();
    }

    @Test
    void saveWhenSavedAgainThenReplaced() {
        PendingLogin first = new PendingLogin(id, "alice", List.of(SESSION_COOKIE), "/", "203.0.113.9", "ua",
                Instant.parse("2026-11-02T10:00:00Z"), false, null);
        store().save(first, TTL).block();

        store().save(first.withEmailVerified().withPendingTotpSecret(TOTP_SECRET), TTL).block();

        StepVerifier.create(store().find(id)).assertNext(found -> {
            assertThat(found.emailVerified()).isTrue();
            assertThat(found.pendingTotpSecret()).isEqualTo(TOTP_SECRET);
        }).verifyComplete();
    }

    @Test
    void saveWhenNotSubscribedThenNothingSaved() {
        store().save(login(id), TTL);

        StepVerifier.create(store().find(id)).verifyComplete();
    }

    @Test
    void saveWhenSavedThenForgottenAfterTtl() {
        store().save(login(id), TTL).block();

        assertForgottenAfter(id, TTL);
    }

    @Test
    void saveWhenSavedAgainThenTtlStartsOver() {
        store().save(login(id), Duration.ofMinutes(1)).block();

        store().save(login(id), Duration.ofMinutes(10)).block();

        assertForgottenAfter(id, Duration.ofMinutes(10));
    }

    @Test
    void takeWhenTwentyRaceOnOneIdThenExactlyOneGetsIt() throws Exception {
        store().save(login(id), TTL).block();

        List<Optional<PendingLogin>> taken = Race.of(RACERS, () -> store().take(id).blockOptional());

        assertThat(taken).hasSize(RACERS);
        assertThat(taken).filteredOn(Optional::isPresent).containsExactly(Optional.of(login(id)));
    }
}
