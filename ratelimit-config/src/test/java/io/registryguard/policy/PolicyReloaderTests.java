package io.registryguard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyReloaderTests {

    private static final Instant NOW = Instant.parse("2024-03-27T10:15:30Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path file;
    private final List<String> errorLog = new ArrayList<>();
    private PolicyReloader reloader;

    private static String valid(String version) {
        return """
                version: %s
                routes:
                  login:
                    class: login
                    methods: [POST]
                    path: /account/login/
                """.formatted(version);
    }

    private static String invalid(String version) {
        return """
                version: %s
                routes:
                  login:
                    class: login
                    methods: [POST]
                    path: /account/login/
                    metod: [POST]
                """.formatted(version);
    }

    private static String sha256(String content) {
        return PolicyLoader.sha256(content.getBytes(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void startWithVersionOne() throws IOException {
        file = dir.resolve("policy.yaml");
        Files.writeString(file, valid("v1"));
        reloader = new PolicyReloader(file, PolicyLoader.load(file), CLOCK, errorLog::add);
    }

    @Test
    void checkNowWhenFileUnchangedThenUnchanged() {
        Policy running = reloader.current();

        ReloadResult result = reloader.checkNow();

        assertThat(result).isEqualTo(new ReloadResult(ReloadResult.Outcome.UNCHANGED, sha256(valid("v1")), "v1",
                "policy 'v1' unchanged", NOW));
        assertThat(reloader.current()).isSameAs(running);
        assertThat(errorLog).isEmpty();
    }

    @Test
    void checkNowWhenValidEditThenAppliedAndSwappedIn() throws IOException {
        Files.writeString(file, valid("v2"));

        ReloadResult result = reloader.checkNow();

        assertThat(result.outcome()).isEqualTo(ReloadResult.Outcome.APPLIED);
        assertThat(result.hash()).isEqualTo(sha256(valid("v2")));
        assertThat(result.version()).isEqualTo("v2");
        assertThat(result.message()).isEqualTo("applied policy 'v2' (sha256 " + sha256(valid("v2")) + ")");
        assertThat(result.time()).isEqualTo(NOW);
        assertThat(reloader.current().version()).isEqualTo("v2");
        assertThat(reloader.current().source()).isEqualTo(file.toString());
        assertThat(reloader.checkNow().outcome()).isEqualTo(ReloadResult.Outcome.UNCHANGED);
    }

    @Test
    void checkNowWhenInvalidEditThenLastGoodKeepsRunningAndRejectionIsReported() throws IOException {
        Policy running = reloader.current();
        Files.writeString(file, invalid("v2"));

        ReloadResult result = reloader.checkNow();

        assertThat(result.outcome()).isEqualTo(ReloadResult.Outcome.REJECTED);
        assertThat(result.hash()).isEqualTo(sha256(invalid("v2")));
        assertThat(result.version()).isEqualTo("v1");
        assertThat(result.time()).isEqualTo(NOW);
        assertThat(result.message()).isEqualTo("Policy file " + file + " (sha256 " + sha256(invalid("v2"))
                + ") rejected; the previous policy 'v1' (sha256 " + sha256(valid("v1")) + ") keeps running:\n"
                + file + ":7: routes.login.metod: unknown key; expected one of: class, methods, path, form-fields,"
                + " headers");
        assertThat(reloader.current()).isSameAs(running);
        assertThat(errorLog).containsExactly(result.message());
    }

    @Test
    void checkNowWhenSameBadContentAgainThenStillRejectedButNotReportedAgain() throws IOException {
        Files.writeString(file, invalid("v2"));

        ReloadResult first = reloader.checkNow();
        ReloadResult second = reloader.checkNow();
        ReloadResult third = reloader.checkNow();

        assertThat(List.of(first, second, third)).extracting(ReloadResult::outcome)
                .containsOnly(ReloadResult.Outcome.REJECTED);
        assertThat(errorLog).hasSize(1);
        assertThat(reloader.current().version()).isEqualTo("v1");
    }

    @Test
    void checkNowWhenAnotherBadEditThenReportedAgain() throws IOException {
        Files.writeString(file, invalid("v2"));
        reloader.checkNow();
        Files.writeString(file, invalid("v3"));

        reloader.checkNow();

        assertThat(errorLog).hasSize(2);
        assertThat(errorLog.get(1)).contains("(sha256 " + sha256(invalid("v3")) + ") rejected");
    }

    @Test
    void checkNowWhenBadEditFixedThenFixApplied() throws IOException {
        Files.writeString(file, invalid("v2"));
        reloader.checkNow();
        Files.writeString(file, valid("v2"));

        ReloadResult result = reloader.checkNow();

        assertThat(result.outcome()).isEqualTo(ReloadResult.Outcome.APPLIED);
        assertThat(reloader.current().version()).isEqualTo("v2");
        assertThat(errorLog).hasSize(1);
    }

    @Test
    void checkNowWhenBadEditRevertedThenUnchangedAndTheSameBadEditLaterIsReportedAgain() throws IOException {
        Files.writeString(file, invalid("v2"));
        reloader.checkNow();
        Files.writeString(file, valid("v1"));

        assertThat(reloader.checkNow().outcome()).isEqualTo(ReloadResult.Outcome.UNCHANGED);

        Files.writeString(file, invalid("v2"));
        assertThat(reloader.checkNow().outcome()).isEqualTo(ReloadResult.Outcome.REJECTED);
        assertThat(errorLog).hasSize(2);
    }

    /** Kubernetes' ConfigMap volume: policy.yaml -> ..data/policy.yaml, ..data -> ..2024_x, swapped by rename. */
    @Test
    void checkNowWhenConfigMapSymlinkSwappedThenNewContentApplied() throws IOException {
        Path mount = Files.createDirectory(dir.resolve("config"));
        Path first = Files.createDirectory(mount.resolve("..2024_03_27_10_00_00.1"));
        Files.writeString(first.resolve("policy.yaml"), valid("v1"));
        Files.createSymbolicLink(mount.resolve("..data"), first.getFileName());
        Path link = Files.createSymbolicLink(mount.resolve("policy.yaml"), Path.of("..data", "policy.yaml"));
        PolicyReloader watching = new PolicyReloader(link, CLOCK);
        assertThat(watching.current().version()).isEqualTo("v1");
        assertThat(watching.checkNow().outcome()).isEqualTo(ReloadResult.Outcome.UNCHANGED);

        Path second = Files.createDirectory(mount.resolve("..2024_03_27_10_05_00.2"));
        Files.writeString(second.resolve("policy.yaml"), valid("v2"));
        Path newData = Files.createSymbolicLink(mount.resolve("..data_tmp"), second.getFileName());
        Files.move(newData, mount.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
        Files.delete(first.resolve("policy.yaml"));
        Files.delete(first);

        ReloadResult result = watching.checkNow();

        assertThat(result.outcome()).isEqualTo(ReloadResult.Outcome.APPLIED);
        assertThat(watching.current().version()).isEqualTo("v2");
        assertThat(watching.current().source()).isEqualTo(link.toString());
        assertThat(watching.checkNow().outcome()).isEqualTo(ReloadResult.Outcome.UNCHANGED);
    }

    @Test
    void checkNowWhenFileDeletedThenRejectedOnceAndWhenRestoredThenRunningAgain() throws IOException {
        Policy running = reloader.current();
        Files.delete(file);

        ReloadResult missing = reloader.checkNow();
        ReloadResult stillMissing = reloader.checkNow();

        assertThat(missing.outcome()).isEqualTo(ReloadResult.Outcome.REJECTED);
        assertThat(missing.hash()).isNull();
        assertThat(missing.version()).isEqualTo("v1");
        assertThat(missing.message()).isEqualTo("Policy file " + file + " rejected; the previous policy 'v1' (sha256 "
                + sha256(valid("v1")) + ") keeps running:\n" + file + ": cannot read the policy file: no such file");
        assertThat(stillMissing.outcome()).isEqualTo(ReloadResult.Outcome.REJECTED);
        assertThat(errorLog).containsExactly(missing.message());
        assertThat(reloader.current()).isSameAs(running);

        Files.writeString(file, valid("v1"));
        assertThat(reloader.checkNow().outcome()).isEqualTo(ReloadResult.Outcome.UNCHANGED);
        assertThat(reloader.current()).isSameAs(running);

        Files.delete(file);
        reloader.checkNow();
        assertThat(errorLog).as("a new disappearance is a new event").hasSize(2);

        Files.writeString(file, valid("v2"));
        assertThat(reloader.checkNow().outcome()).isEqualTo(ReloadResult.Outcome.APPLIED);
        assertThat(reloader.current().version()).isEqualTo("v2");
    }

    @Test
    void listenerWhenPoliciesAppliedThenCalledOncePerAppliedPolicy() throws IOException {
        List<String> heard = new ArrayList<>();
        reloader.addListener(policy -> heard.add(policy.version()));

        reloader.checkNow();
        Files.writeString(file, valid("v2"));
        reloader.checkNow();
        reloader.checkNow();
        Files.writeString(file, invalid("v3"));
        reloader.checkNow();
        Files.writeString(file, valid("v3"));
        reloader.checkNow();
        reloader.checkNow();

        assertThat(heard).containsExactly("v2", "v3");
    }

    @Test
    void listenerWhenAnotherListenerFailsThenStillCalledAndPolicyApplied() throws IOException {
        List<Policy> heard = new ArrayList<>();
        reloader.addListener(policy -> {
            throw new IllegalStateException("listener bug");
        });
        reloader.addListener(heard::add);
        Files.writeString(file, valid("v2"));

        ReloadResult result = reloader.checkNow();

        assertThat(result.outcome()).isEqualTo(ReloadResult.Outcome.APPLIED);
        assertThat(heard).singleElement().isSameAs(reloader.current());
    }

    @Test
    void constructWhenFileInvalidAtStartThenPolicyException() throws IOException {
        Files.writeString(file, invalid("v2"));

        assertThatExceptionOfType(PolicyException.class).isThrownBy(() -> new PolicyReloader(file, CLOCK))
                .withMessage(file + ":7: routes.login.metod: unknown key; expected one of: class, methods, path,"
                        + " form-fields, headers");
    }

    @Test
    void constructWhenInitialPolicyDiffersFromFileThenFirstCheckAppliesTheFile() {
        PolicyReloader fromDefault = new PolicyReloader(file, PolicyLoader.loadDefault(), CLOCK);
        assertThat(fromDefault.current().version()).isEqualTo("warehouse-1");

        assertThat(fromDefault.checkNow().outcome()).isEqualTo(ReloadResult.Outcome.APPLIED);
        assertThat(fromDefault.current().version()).isEqualTo("v1");
        assertThat(fromDefault.file()).isEqualTo(file);
    }
}
