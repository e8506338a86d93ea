package io.registryguard.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlAccountDirectoryTests {

    @Test
    void loadWhenFileListsAccountsThenAddressesByUsername(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("accounts.yaml");
        Files.writeString(file, """
                accounts:
                  alice: alice@example.test
                  "no": no@example.test
                """);

        YamlAccountDirectory directory = YamlAccountDirectory.load(file);

        assertThat(directory.size()).isEqualTo(2);
        assertThat(directory.email("alice").block()).contains("alice@example.test");
        assertThat(directory.email("ALICE").block()).contains("alice@example.test");
        assertThat(directory.email("no").block()).contains("no@example.test");
    }

    @Test
    void emailWhenUnknownAccountThenEmpty() {
        YamlAccountDirectory directory = YamlAccountDirectory.parse("accounts: {alice: alice@example.test}", "t");

        assertThat(directory.email("mallory").block()).isEqualTo(Optional.empty());
        assertThat(directory.email(null).block()).isEqualTo(Optional.empty());
    }

    @Test
    void parseWhenKeyIsNotAStringThenRejectedSayingQuoteIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> YamlAccountDirectory.parse("accounts:\n  no: x@example.test\n", "accounts.yaml"))
                .withMessageContaining("accounts.yaml: accounts.false").withMessageContaining("quote");
    }

    @Test
    void parseWhenAddressInvalidThenRejectedNamingTheKey() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> YamlAccountDirectory.parse("accounts:\n  bob: not-an-address\n", "accounts.yaml"))
                .withMessage("accounts.yaml: accounts.bob: not an email address");
    }

    @Test
    void parseWhenUsernameTwiceThenRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> YamlAccountDirectory.parse("accounts:\n  bob: a@x.test\n  bob: b@x.test\n", "f"))
                .withMessageContaining("f:");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> YamlAccountDirectory.parse("accounts:\n  bob: a@x.test\n  Bob: b@x.test\n", "f"))
                .withMessageContaining("listed twice");
    }

    @Test
    void parseWhenNoAccountsMappingThenRejected() {
        for (String yaml : new String[] {"", "accounts: []", "users: {a: a@x.test}", "- a"}) {
            assertThatIllegalArgumentException().as(yaml).isThrownBy(() -> YamlAccountDirectory.parse(yaml, "f"))
                    .withMessageContaining("accounts:");
        }
    }

    @Test
    void loadWhenFileMissingThenErrorNamesIt(@TempDir Path dir) {
        Path missing = dir.resolve("none.yaml");

        assertThatThrownBy(() -> YamlAccountDirectory.load(missing)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(missing.toString());
    }
}
