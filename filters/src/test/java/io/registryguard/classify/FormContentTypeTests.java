package io.registryguard.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class FormContentTypeTests {

    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded", "Application/X-WWW-Form-URLEncoded",
        "application/x-www-form-urlencoded; charset=UTF-8", " application/x-www-form-urlencoded ;charset=latin-1"})
    void ofWhenUrlEncodedAnySpellingThenUrlEncoded(String header) {
        assertThat(FormContentType.of(header)).contains(FormContentType.URLENCODED);
    }

    @Test
    void ofWhenAbsentThenUrlEncodedAsWebObReadsIt() {
        assertThat(FormContentType.of(null)).contains(FormContentType.URLENCODED);
        assertThat(FormContentType.of("")).contains(FormContentType.URLENCODED);
    }

    @Test
    void ofWhenMultipartThenBoundary() {
        assertThat(FormContentType.of("MULTIPART/form-data; charset=utf-8; boundary=----abc"))
                .contains(new FormContentType(true, "----abc"));
        assertThat(FormContentType.of("multipart/form-data; boundary=\"a;b c\""))
                .contains(new FormContentType(true, "a;b c"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/plain", "multipart/mixed; boundary=x",
        "application/x-www-form-urlencoded-extra", "application/octet-stream"})
    void ofWhenOtherTypeThenNoForm(String header) {
        assertThat(FormContentType.of(header)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"multipart/form-data", "multipart/form-data; charset=utf-8", "multipart/form-data; boundary=",
        "multipart/form-data; boundary=\"\""})
    void ofWhenMultipartWithoutBoundaryThenBadRequest(String header) {
        assertThatThrownBy(() -> FormContentType.of(header))
                .isInstanceOfSatisfying(ResponseStatusException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.getReason()).contains("boundary");
                });
    }
}
