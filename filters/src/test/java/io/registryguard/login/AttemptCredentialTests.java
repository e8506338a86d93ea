package io.registryguard.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.registryguard.policy.LoginRule;
import io.registryguard.policy.OutcomeRule;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class AttemptCredentialTests {

    private static final LoginRule FORM = new LoginRule("login", LoginRule.Credential.FORM, "username",
            OutcomeRule.LOGIN_DEFAULT);

    private static AttemptCredential form(String contentType, String body) {
        var request = MockServerHttpRequest.post("/account/login/");
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return AttemptCredential.fromForm(FORM, request.build(), body.getBytes(StandardCharsets.UTF_8));
    }

    private static AttemptCredential basic(String header) {
        return AttemptCredential.fromBasic(MockServerHttpRequest.post("/legacy/").header("Authorization", header).build());
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void fromFormWhenUrlEncodedThenDecodedLowerCasedAndTrimmed() {
        assertThat(form("application/x-www-form-urlencoded", "csrf_token=x&username=+Al%69ce+&password=p%26w")
                .username()).isEqualTo("alice");
    }

    @Test
    void fromFormWhenNoContentTypeThenReadAsUrlEncodedLikeWebOb() {
        assertThat(form(null, "username=bob&password=x").username()).isEqualTo("bob");
    }

    @Test
    void fromFormWhenMultipartThenFieldValue() {
        String body = "--b0\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nsecret\r\n"
                + "--b0\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\nCarol\r\n--b0--\r\n";
        assertThat(form("multipart/form-data; boundary=b0", body).username()).isEqualTo("carol");
        assertThat(form("multipart/form-data; boundary=\"b0\"", body).username()).isEqualTo("carol");
    }

    @Test
    void fromFormWhenFieldMissingEmptyOrOtherTypeThenNoUsername() {
        assertThat(form("application/x-www-form-urlencoded", "password=x").username()).isNull();
        assertThat(form("application/x-www-form-urlencoded", "username=&password=x").username()).isNull();
        assertThat(form("application/json", "{\"username\":\"alice\"}").username()).isNull();
        assertThat(form("application/x-www-form-urlencoded", "username=" + "a".repeat(300)).username()).isNull();
        assertThat(form("application/x-www-form-urlencoded", "username=%zz").username()).isNull();
    }

    @Test
    void fromBasicWhenPasswordCredentialThenUsernameAndNotToken() {
        var credential = basic("Basic " + b64("Mallory:hunter2"));
        assertThat(credential.username()).isEqualTo("mallory");
        assertThat(credential.token()).isFalse();
    }

    @Test
    void fromBasicWhenApiTokenThenNoUsername() {
        assertThat(basic("Basic " + b64("__token__:pypi-AgEIcHlwaS5vcmc")).username()).isNull();
        assertThat(basic("Basic " + b64("__token__:pypi-AgEIcHlwaS5vcmc")).token()).isTrue();
        assertThat(basic("token pypi-AgEIcHlwaS5vcmc").token()).isTrue();
        assertThat(basic("basic " + b64("bob:x")).username()).isEqualTo("bob");
    }

    @Test
    void fromBasicWhenMalformedThenNothing() {
        assertThat(basic("Basic !!!not-base64").username()).isNull();
        assertThat(basic("Basic " + b64(":nouser")).username()).isNull();
    }

    @Test
    void toStringWhenPrintedThenNoPasswordWasEverKept() {
        assertThat(basic("Basic " + b64("bob:hunter2")).toString()).doesNotContain("hunter2");
        assertThat(form(null, "username=bob&password=hunter2").toString()).doesNotContain("hunter2");
    }
}
