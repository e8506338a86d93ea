package io.registryguard.helm;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.registryguard.helm.Manifests.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The account directory: where the gateway finds the address to send an enrollment code to. */
class AccountsTests {

	private static final String CONFIG_MAP = "guard-registry-guard-accounts";

	private static final String FILE = "accounts:\n  alice: alice@example.test\n  bob: bob@example.test\n";

	private static final String URL = "http://warehouse.registry.svc:8080/_internal/users/{username}";

	private static final String NO_DIRECTORY = "WARNING: NO ACCOUNT DIRECTORY. USERS WITHOUT A FACTOR CANNOT LOG IN.";

	@Test
	void aLookupUrlReachesThePodWithTheDefaultPointer() {
		Manifests manifests = HelmChart.render(Values.minimal().with("accounts.urlTemplate", URL));
		assertThat(manifests.envValue("GUARD_ACCOUNTS_URL_TEMPLATE")).isEqualTo(URL);
		assertThat(manifests.envValue("GUARD_ACCOUNTS_EMAIL_POINTER")).isEqualTo("/email");
		assertThat(manifests.env()).doesNotContainKey("GUARD_ACCOUNTS_FILE");
		assertThat(manifests.find("ConfigMap", CONFIG_MAP)).isEmpty();
		assertThat(HelmChart.render(Values.minimal().with("accounts.urlTemplate", URL).with("accounts.emailPointer", "/user/mail"))
			.envValue("GUARD_ACCOUNTS_EMAIL_POINTER")).isEqualTo("/user/mail");
	}

	@Test
	void aFileIsShippedInAConfigMapAndMountedAsADirectory() {
		Manifests manifests = HelmChart.render(Values.minimal().with("accounts.file", FILE));
		assertThat(Manifests.<Map<String, String>>at(manifests.get("ConfigMap", CONFIG_MAP), "data"))
			.containsExactly(Map.entry("accounts.yaml", FILE));
		assertThat(manifests.envValue("GUARD_ACCOUNTS_FILE")).isEqualTo("/etc/registry-guard/accounts/accounts.yaml");
		assertThat(manifests.env()).doesNotContainKeys("GUARD_ACCOUNTS_URL_TEMPLATE", "GUARD_ACCOUNTS_EMAIL_POINTER");
		assertThat(manifests.volumeMount("accounts")).containsOnly(Map.entry("name", "accounts"),
				Map.entry("mountPath", "/etc/registry-guard/accounts"), Map.entry("readOnly", true));
		assertThat((String) at(manifests.volume("accounts"), "configMap.name")).isEqualTo(CONFIG_MAP);
		assertThat((List<Object>) at(manifests.volume("accounts"), "configMap.items"))
			.containsExactly(Map.of("key", "accounts.yaml", "path", "accounts.yaml"));
	}

	@Test
	void withNeitherNothingIsSetAndNothingMounted() {
		Manifests manifests = HelmChart.render(Values.minimal());
		assertThat(manifests.env().keySet()).noneMatch((name) -> name.startsWith("GUARD_ACCOUNTS_"));
		assertThat(manifests.find("ConfigMap", CONFIG_MAP)).isEmpty();
		List<Map<String, Object>> volumes = at(manifests.podSpec(), "volumes");
		assertThat(volumes).noneMatch((volume) -> "accounts".equals(volume.get("name")));
	}

	@Test
	void bothAtOnceAreRefusedBecauseTheGatewayWouldIgnoreTheUrl() {
		assertThatThrownBy(() -> HelmChart.render(Values.minimal().with("accounts.file", FILE).with("accounts.urlTemplate", URL)))
			.hasMessageContaining("set accounts.file or accounts.urlTemplate, not both");
	}

	@Test
	void aFileThatIsNotTheGatewaysShapeFailsTheInstall() {
		for (String bad : List.of("alice: alice@example.test\n", "accounts: [alice@example.test]\n", "accounts: {alice: [\n")) {
			assertThatThrownBy(() -> HelmChart.render(Values.minimal().with("accounts.file", bad)))
				.as(bad)
				.hasMessageContaining("accounts.file must be YAML of the form `accounts: {alice: alice@example.test}`");
		}
	}

	@Test
	void schemaWantsAnHttpUrlWithTheUsernamePlaceholderAndAJsonPointer() {
		SchemaTests.assertRejectedBySchema(Values.minimal().with("accounts.urlTemplate", "http://warehouse.internal/_internal/users/"),
				"at '/accounts/urlTemplate'");
		SchemaTests.assertRejectedBySchema(Values.minimal().with("accounts.urlTemplate", "warehouse.internal/users/{username}"),
				"at '/accounts/urlTemplate'");
		SchemaTests.assertRejectedBySchema(Values.minimal().with("accounts.emailPointer", "email"), "at '/accounts/emailPointer'");
		SchemaTests.assertRejectedBySchema(Values.minimal().with("accounts.url", URL), "additional properties 'url' not allowed");
		assertThat(HelmChart.render(Values.minimal().with("accounts.urlTemplate", "https://warehouse.internal/u/{username}?full=1"))
			.deployment()).isNotNull();
	}

	@Test
	void changingTheFileRollsThePodsEvenWhenThePolicyHotReloads() {
		for (boolean rollOnChange : new boolean[] { true, false }) {
			String a = configChecksum(rollOnChange, FILE);
			String aAgain = configChecksum(rollOnChange, FILE);
			String b = configChecksum(rollOnChange, FILE + "  carol: carol@example.test\n");
			String none = configChecksum(rollOnChange, "");
			assertThat(a).as("rollOnChange=" + rollOnChange).isEqualTo(aAgain).isNotEqualTo(b).isNotEqualTo(none);
		}
	}

	@Test
	void theFileIsNoSecretSoItLeavesTheSecretChecksumAlone() {
		// Every generated secret given, so that only the accounts file differs between the renders.
		String key = "7kOqmgfgjA2Hn0Pm2PI2KUnGFv1GvyBP90vYHPmRPuI=";
		Values fixed = Values.minimal().with("tls.existingSecret", "registry-tls").with("admin.token", "t")
			.with("deviceCookie.key", key).with("session.key", key).with("emailCodes.key", key)
			.with("factorEncryption.keys", "{\"keys\":[{\"kid\":\"a\",\"key\":\"" + key + "\"}]}");
		String without = HelmChart.render(fixed).podAnnotations().get("checksum/secret");
		String with = HelmChart.render(fixed.with("accounts.file", FILE)).podAnnotations().get("checksum/secret");
		assertThat(with).isEqualTo(without);
	}

	@Test
	void notesWarnWhenNoDirectoryIsSet() {
		assertThat(HelmChart.notes(Values.minimal())).contains(NO_DIRECTORY)
			.contains("users who have no second factor")
			.contains("cannot log in at all");
		assertThat(HelmChart.notes(Values.minimal().with("accounts.urlTemplate", URL))).doesNotContain(NO_DIRECTORY);
		assertThat(HelmChart.notes(Values.minimal().with("accounts.file", FILE))).doesNotContain(NO_DIRECTORY);
	}

	@Test
	void aLookupOnTheRegistryNeedsNoExtraEgressAndNotesSaySoOtherwise() {
		String blocked = "WARNING: the NetworkPolicy may block the account lookup";
		// The registry (upstream.url) is http://warehouse.registry.svc:8080: its egress rule covers this lookup.
		assertThat(HelmChart.notes(Values.minimal().with("accounts.urlTemplate", URL))).doesNotContain(blocked);
		// So it does another host on that port while the rule names no peers (port 8080 to anywhere).
		assertThat(HelmChart.notes(Values.minimal().with("accounts.urlTemplate", "http://users.registry.svc:8080/u/{username}")))
			.doesNotContain(blocked);
		// Another port is not allowed.
		assertThat(HelmChart.notes(Values.minimal().with("accounts.urlTemplate", "http://warehouse.registry.svc/u/{username}")))
			.contains(blocked + " (accounts.urlTemplate, port 80)")
			.contains("allows port 8080.")
			.contains("networkPolicy.extraEgress");
		// Another host is not, once the registry rule names its peers.
		Object registryPeer = Map.of("podSelector", Map.of("matchLabels", Map.of("app", "warehouse")));
		assertThat(HelmChart.notes(Values.minimal()
			.with("networkPolicy.egress.registry.to", List.of(registryPeer))
			.with("accounts.urlTemplate", "http://users.registry.svc:8080/u/{username}")))
			.contains(blocked)
			.contains("allows port 8080 to networkPolicy.egress.registry.to only");
		assertThat(HelmChart.notes(Values.minimal()
			.with("networkPolicy.egress.registry.to", List.of(registryPeer))
			.with("accounts.urlTemplate", URL))).doesNotContain(blocked);
		// HTTPS anywhere is open for the breached-password check unless that is switched off.
		String https = "https://users.example.org/u/{username}";
		assertThat(HelmChart.notes(Values.minimal().with("accounts.urlTemplate", https))).doesNotContain(blocked);
		assertThat(HelmChart.notes(Values.minimal().with("accounts.urlTemplate", https).with("networkPolicy.egress.hibp.enabled", false)))
			.contains(blocked);
		assertThat(HelmChart.notes(Values.minimal()
			.with("accounts.urlTemplate", "http://warehouse.registry.svc/u/{username}")
			.with("networkPolicy.enabled", false))).doesNotContain(blocked);
	}

	@Test
	void readmeExplainsBothWaysAndTheNetworkPolicy() throws Exception {
		String readme = java.nio.file.Files.readString(HelmChart.directory().resolve("README.md"));
		assertThat(readme).contains("`accounts.urlTemplate` + `accounts.emailPointer` (default `/email`), or `accounts.file` | "
				+ "`GUARD_ACCOUNTS_URL_TEMPLATE`, `GUARD_ACCOUNTS_EMAIL_POINTER`, or `GUARD_ACCOUNTS_FILE` |")
			.contains("(`GUARD_ACCOUNTS_FILE=/etc/registry-guard/accounts/accounts.yaml`)")
			.contains("already covers a lookup URL on the\nregistry itself");
	}

	private static String configChecksum(boolean rollOnChange, String file) {
		return HelmChart.render(Values.minimal()
			.with("policy.rollOnChange", rollOnChange)
			.with("tls.existingSecret", "registry-tls")
			.with("accounts.file", file)).podAnnotations().get("checksum/config");
	}

}
