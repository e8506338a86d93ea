package io.registryguard.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UploadCredentialsTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "basic|__token__:pypi-AgEIcHlwaS5vcmc|API_TOKEN",
        "basic|__token__:pypi-|API_TOKEN",
        "basic|__token__:AgEIcHlwaS5vcmc|NONE",
        "basic|__TOKEN__:pypi-AgE|PASSWORD",
        "basic|alice:alice-demo-password-1|PASSWORD",
        "basic|:pypi-AgE|PASSWORD",
        "basic|no-colon|NONE",
        "raw|Token pypi-AgE|API_TOKEN",
        "raw|bearer pypi-AgE|API_TOKEN",
        "raw|Bearer eyJhbGciOi|NONE",
        "raw|Basic not*base64|NONE",
        "raw|Digest username=alice|NONE",
        "raw|Basic|NONE",
        "raw|NULL|NONE"})
    void classifiesAuthorizationAsWarehouseDoesForUploads(String kind, String value, UploadCredentials expected) {
        String authorization = kind.equals("basic")
                ? "Basic " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))
                : value;

        assertThat(UploadCredentials.of(authorization)).isEqualTo(expected);
    }
}
