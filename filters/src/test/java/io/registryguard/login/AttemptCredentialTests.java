package io.registryguard.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import io.registryguard.policy.LoginRule;
import io.registryguard.policy.OutcomeRule;
import io.registryguard.read.ReadRequest;
import org.junit.jupiter.api.Test;

class AttemptCredentialTests {

    private static final LoginRule FORM = new LoginRule("login", LoginRule.Credential.FORM, "username",
            OutcomeRule.LOGIN_DEFAULT);

    private static AttemptCredential form(String body) {
        return AttemptCredential.fromForm(FORM, ReadRequest.ofCanonicalBody(body.getBytes(StandardCharsets.UTF_8)),
                "password");
    }

    private static AttemptCredential basic(String header) {
        return BasicCredentials.read(List.of(header)).map(b -> AttemptCredential.fromBasic(b, true))
                .orElse(AttemptCredential.TOKEN);
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void fromFormWhenUrlEncodedThenDecodedAsTyped() {
        // the login guard reads it into the account key with the policy's accounts settings
        assertThat(form("csrf_token=x&username=+Al%69ce+&password=p%26w").username()).isEqualTo(" Alice ");
    }

    @Test
    void fromFormWhenPasswordAskedForThenOnlyItsSha1IsKept() {
        AttemptCredential credential = form("username=bob&password=hunter2");
        assertThat(credential.passwordSha1()).isEqualTo(AttemptCredential.sha1("hunter2"));
        assertThat(credential.toString()).doesNotContain("hunter2").doesNotContain(credential.passwordSha1());
    }

    @Test
    void fromFormWhenNotReadThenNoUsername() {
        assertThat(AttemptCredential.fromForm(FORM, null, null)).isEqualTo(AttemptCredential.NONE);
    }

    @Test
    void fromFormWhenFieldMissingEmptyOrTooLongThenNoUsername() {
        assertThat(form("password=x").username()).isNull();
        assertThat(form("username=&password=x").username()).isNull();
        assertThat(form("username=+%09+&password=x").username()).isNull();
        assertThat(form("username=" + "a".repeat(300)).username()).isNull();
    }

    @Test
    void fromBasicWhenPasswordCredentialThenUsernameAndNotToken() {
        var credential = basic("Basic " + b64("Mallory:hunter2"));
        assertThat(credential.username()).isEqualTo("Mallory");
        assertThat(credential.token()).isFalse();
    }

    @Test
    void fromBasicWhenApiTokenThenNoUsername() {
        assertThat(basic("Basic " + b64("__token__:pypi-AgEIcHlwaS5vcmc")).username()).isNull();
        assertThat(basic("Basic " + b64("__token__:pypi-AgEIcHlwaS5vcmc")).token()).isTrue();
        assertThat(basic("basic " + b64("bob:x")).username()).isEqualTo("bob");
        assertThat(basic("Basic " + b64(" :x")).username()).isNull();
    }

    @Test
    void fromBasicWhenTokenUsernameInAnotherCaseThenAUsernameLikeAnyOther() {
        // Warehouse compares the raw username with "__token__"; "__TOKEN__" is a password login
        assertThat(basic("Basic " + b64("__TOKEN__:pw")).token()).isFalse();
        assertThat(basic("Basic " + b64("__TOKEN__:pw")).username()).isEqualTo("__TOKEN__");
    }

    @Test
    void fromBasicWhenNoUsernameThenNothing() {
        assertThat(basic("Basic " + b64(":nouser")).username()).isNull();
    }

    @Test
    void toStringWhenPrintedThenNoPasswordWasEverKept() {
        assertThat(basic("Basic " + b64("bob:hunter2")).toString()).doesNotContain("hunter2");
        assertThat(form("username=bob&password=hunter2").toString()).doesNotContain("hunter2");
    }
}
