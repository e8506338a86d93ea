package io.registryguard.stepup;

import io.registryguard.testsupport.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's CLI: what it prints must load as a key set. */
class StepUpKeysTests {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void generateWhenRunThenPrintsALoadablePrivateSetOfOneKey() throws Exception {
        int status = run(InputStream.nullInputStream(), "generate");

        assertThat(status).isEqualTo(StepUpKeys.OK);
        StepUpKeySet keys = StepUpKeySet.parse(out());
        assertThat(keys.keyIds()).hasSize(1);
        assertThat(JWKSet.parse(out()).containsNonPublicKeys()).isTrue();
    }

    @Test
    void rotateWhenFileGivenThenNewKeyFirstAndOldKeysKept(@TempDir Path dir) throws Exception {
        StepUpKeySet current = StepUpKeyGenerator.rotate(StepUpKeyGenerator.generate(clock), clock);
        Path file = Files.writeString(dir.resolve("stepup-keys.json"), current.secretJwksJson());
        clock.advance(Duration.ofDays(30));

        int status = run(InputStream.nullInputStream(), "rotate", file.toString());

        assertThat(status).isEqualTo(StepUpKeys.OK);
        StepUpKeySet rotated = StepUpKeySet.parse(out());
        assertThat(rotated.keyIds()).hasSize(3);
        assertThat(rotated.keyIds().subList(1, 3)).containsExactlyElementsOf(current.keyIds());
        assertThat(rotated.signingKeyId()).startsWith("20260531T120000Z-");
        assertThat(rotated.keys().get(1).getD()).isEqualTo(current.keys().get(0).getD());
    }

    @Test
    void rotateWhenStandardInputThenReadsIt() {
        StepUpKeySet current = StepUpKeyGenerator.generate(clock);

        int status = run(stdin(current.secretJwksJson()), "rotate", "-");

        assertThat(status).isEqualTo(StepUpKeys.OK);
        assertThat(StepUpKeySet.parse(out()).keyIds()).hasSize(2).endsWith(current.signingKeyId());
    }

    @Test
    void publicWhenRunThenPrintsNoPrivateMember() throws Exception {
        StepUpKeySet current = StepUpKeyGenerator.generate(clock);

        int status = run(stdin(current.secretJwksJson()), "public", "-");

        assertThat(status).isEqualTo(StepUpKeys.OK);
        assertThat(JWKSet.parse(out()).containsNonPublicKeys()).isFalse();
        assertThat(out()).contains(current.signingKeyId()).doesNotContain("\"d\"");
    }

    @Test
    void rotateWhenInputIsNotAKeySetThenFailsWithoutPrinting() {
        int status = run(stdin("{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0\",\"kid\":\"x\"}]}"), "rotate", "-");

        assertThat(status).isEqualTo(StepUpKeys.FAILED);
        assertThat(out()).isEmpty();
        assertThat(err()).contains("not an EC P-256 key").doesNotContain("c2VjcmV0");
    }

    @Test
    void rotateWhenFileMissingThenFails(@TempDir Path dir) {
        int status = run(InputStream.nullInputStream(), "rotate", dir.resolve("absent.json").toString());

        assertThat(status).isEqualTo(StepUpKeys.FAILED);
        assertThat(err()).startsWith("cannot read ");
    }

    @Test
    void runWhenUnknownCommandThenUsage() {
        int status = run(InputStream.nullInputStream(), "delete-everything");

        assertThat(status).isEqualTo(StepUpKeys.USAGE);
        assertThat(err()).startsWith("usage: StepUpKeys generate");
        assertThat(out()).isEmpty();
    }

    private int run(InputStream stdin, String... args) {
        return StepUpKeys.run(args, stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), clock);
    }

    private static InputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
