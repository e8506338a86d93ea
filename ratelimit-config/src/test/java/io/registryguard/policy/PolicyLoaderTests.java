package io.registryguard.policy;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading: the happy path, sources, hashes and the file-level failures (missing, empty, not YAML). */
class PolicyLoaderTests {

    static final String MINIMAL = """
            version: test-1
            routes:
              login:
                class: login
                methods: [post]
                path: /account/login/
              legacy-upload:
                class: api-auth
                methods: [POST]
                path: /legacy/
                headers: [Authorization, X-Upload-Token]
              account-delete:
                class: sensitive
                methods: [POST]
                path: /manage/account/
                form-fields: [confirm_password]
            """;

    static Policy parse(String yaml) {
        return PolicyLoader.parse("policy.yaml", yaml.getBytes(UTF_8));
    }

    static List<String> problems(String yaml) {
        PolicyException e = catchThrowableOfType(PolicyException.class, () -> parse(yaml));
        assertThat(e).as("expected the policy to be rejected").isNotNull();
        return List.of(e.getMessage().split("\n"));
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void parseWhenMinimalPolicyThenRulesInFileOrderWithDefaults() {
        Policy policy = parse(MINIMAL);

        assertThat(policy.version()).isEqualTo("test-1");
        assertThat(policy.source()).isEqualTo("policy.yaml");
        assertThat(policy.normalization().caseInsensitive()).isTrue();
        assertThat(policy.body().formMaxBytes()).isEqualTo(64 * 1024);
        assertThat(policy.routes()).extracting(RouteRule::name)
                .containsExactly("login", "legacy-upload", "account-delete");
        assertThat(policy.routes().get(0)).isEqualTo(new RouteRule("login", RouteClass.LOGIN, Set.of("POST"),
                PathTemplate.parse("/account/login/"), Set.of(), Set.of()));
    }

    @Test
    void parseWhenMethodsInAnyCaseThenStoredUpperCase() {
        assertThat(parse(MINIMAL).routes().get(0).methods()).containsExactly("POST");
    }

    @Test
    void parseWhenHeadersThenStoredLowerCase() {
        assertThat(parse(MINIMAL).routes().get(1).headers()).containsExactlyInAnyOrder("authorization", "x-upload-token");
    }

    @Test
    void parseWhenFormFieldsThenKeptAsWritten() {
        RouteRule rule = parse(MINIMAL).routes().get(2);
        assertThat(rule.formFields()).containsExactly("confirm_password");
        assertThat(rule.dispatchesOnFormFields()).isTrue();
    }

    @Test
    void parseWhenPathsAndBodyGivenThenUsed() {
        Policy policy = parse("""
                version: test-1
                paths:
                  case-insensitive: false
                body:
                  form-max-size: 1MiB
                routes:
                  login: {class: login, methods: [POST], path: /account/login/}
                """);
        assertThat(policy.normalization().caseInsensitive()).isFalse();
        assertThat(policy.body().formMaxBytes()).isEqualTo(1024 * 1024);
    }

    @Test
    void parseWhenFormMaxSizeInPlainBytesThenBytes() {
        Policy policy = parse("""
                version: test-1
                body: {form-max-size: 2048}
                routes:
                  login: {class: login, methods: [POST], path: /account/login/}
                """);
        assertThat(policy.body().formMaxBytes()).isEqualTo(2048);
    }

    @Test
    void parseWhenAnyContentThenSha256IsHexOfTheBytes() throws Exception {
        byte[] bytes = MINIMAL.getBytes(UTF_8);
        assertThat(PolicyLoader.parse("x", bytes).sha256()).isEqualTo(sha256(bytes)).hasSize(64);
        assertThat(PolicyLoader.parse("x", (MINIMAL + "# a comment\n").getBytes(UTF_8)).sha256())
                .isNotEqualTo(sha256(bytes));
    }

    @Test
    void parseWhenByteOrderMarkThenRead() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = MINIMAL.getBytes(UTF_8);
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, 3);
        System.arraycopy(body, 0, content, 3, body.length);
        assertThat(PolicyLoader.parse("policy.yaml", content).version()).isEqualTo("test-1");
    }

    @Test
    void loadWhenFileThenSourceIsThePath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, MINIMAL);
        Policy policy = PolicyLoader.load(file);
        assertThat(policy.source()).isEqualTo(file.toString());
        assertThat(policy.sha256()).isEqualTo(sha256(Files.readAllBytes(file)));
    }

    @Test
    void loadWhenFileMissingThenErrorSaysSo(@TempDir Path dir) {
        Path file = dir.resolve("absent.yaml");
        PolicyException e = catchThrowableOfType(PolicyException.class, () -> PolicyLoader.load(file));
        assertThat(e.getMessage()).isEqualTo(file + ": cannot read the policy file: no such file");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo(file.toString());
            assertThat(p.line()).isZero();
            assertThat(p.key()).isNull();
        });
    }

    @Test
    void loadWhenPathIsADirectoryThenErrorSaysItCannotBeRead(@TempDir Path dir) {
        PolicyException e = catchThrowableOfType(PolicyException.class, () -> PolicyLoader.load(dir));
        assertThat(e.getMessage()).startsWith(dir + ": cannot read the policy file: ");
    }

    @Test
    void parseWhenEmptyFileThenClearError() {
        assertThat(problems("")).containsExactly("policy.yaml: empty file; expected a policy with keys"
                + " version, paths, body, routes, limits, subnets, logins, frozen-accounts, step-up, sequence-rules, risk, accounts (see the built-in policy.yaml)");
    }

    @Test
    void parseWhenOnlyCommentsThenEmptyFileError() {
        assertThat(problems("# version: test-1\n\n# routes: {}\n")).singleElement(STRING)
                .startsWith("policy.yaml: empty file;");
    }

    @Test
    void parseWhenYamlSyntaxErrorThenErrorHasLine() {
        assertThat(problems("""
                version: test-1
                routes:
                  login:
                    class: login
                    methods: [POST
                    path: /account/login/
                """)).singleElement(STRING).startsWith("policy.yaml:6: not valid YAML: ")
                .endsWith("(while parsing a flow sequence at line 5)");
    }

    @Test
    void parseWhenBadIndentationThenErrorHasLine() {
        assertThat(problems("""
                version: test-1
                routes:
                  login:
                    class: login
                   methods: [POST]
                """)).singleElement(STRING).startsWith("policy.yaml:5: not valid YAML: ");
    }

    @Test
    void parseWhenSeveralDocumentsThenRejected() {
        assertThat(problems("version: a\n---\nversion: b\n")).singleElement(STRING)
                .startsWith("policy.yaml:2: not valid YAML: ");
    }

    @Test
    void parseWhenNotUtf8ThenErrorSaysSo() {
        byte[] latin1 = "version: caf\u00e9\n".getBytes(ISO_8859_1);
        PolicyException e = catchThrowableOfType(PolicyException.class, () -> PolicyLoader.parse("policy.yaml", latin1));
        assertThat(e.getMessage()).isEqualTo("policy.yaml: not valid YAML: not UTF-8 text");
    }
}
