package io.registryguard.helm;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static io.registryguard.helm.Manifests.at;
import static org.assertj.core.api.Assertions.assertThat;

class NetworkPolicyTests {

	private static final String POLICY = "guard-registry-guard";

	@Test
	void clientsReachOnlyTheTrafficPortsFromAnywhere() {
		Manifests manifests = HelmChart.render(Values.minimal());
		Map<String, Object> rule = rules(manifests, "ingress").get(0);
		assertThat(clientIngressPorts(manifests)).containsExactly(8443, 8080);
		assertThat(rule).doesNotContainKey("from");
	}

	@Test
	void onlyTheScraperReachesTheManagementPort() {
		Map<String, Object> vmagent = Map.of("namespaceSelector", Map.of("matchLabels", Map.of("team", "monitoring")),
				"podSelector", Map.of("matchLabels", Map.of("app", "vmagent")));
		Manifests manifests = HelmChart.render(Values.minimal().with("networkPolicy.scraper.from", List.of(vmagent)));
		List<Map<String, Object>> management = rules(manifests, "ingress").stream()
			.filter((rule) -> ports(rule).contains(9090))
			.toList();
		assertThat(management).hasSize(1);
		assertThat(ports(management.get(0))).containsExactly(9090);
		// The operator's selector replaces the default one; a merged map would demand both labels.
		assertThat((List<Object>) management.get(0).get("from")).containsExactly(vmagent);
	}

	@Test
	void byDefaultPrometheusPodsScrape() {
		Manifests manifests = HelmChart.render(Values.minimal());
		Map<String, Object> management = rules(manifests, "ingress").get(1);
		assertThat(ports(management)).containsExactly(9090);
		assertThat((Object) at(management, "from.0.podSelector.matchLabels"))
			.isEqualTo(Map.of("app.kubernetes.io/name", "prometheus"));
	}

	@Test
	void egressGoesToTheRegistryHibpAndDnsOnly() {
		Manifests manifests = HelmChart.render(Values.minimal());
		// 8080 is the upstream URL's port; 443 the breached-password check.
		assertThat(egressPorts(manifests)).containsExactlyInAnyOrder(8080, 443, 53);
		assertThat(rules(manifests, "egress")).anySatisfy((rule) -> assertThat(protocols(rule)).contains("UDP", "TCP"));
	}

	@Test
	void egressFollowsTheUpstreamSchemeWhenTheUrlHasNoPort() {
		Manifests manifests = HelmChart.render(Values.minimal().with("upstream.url", "https://pypi.internal.example.org"));
		assertThat(egressPorts(manifests)).containsExactlyInAnyOrder(443, 53);
	}

	@Test
	void smtpAndRedisOpenTheirPortsWhenConfigured() {
		Manifests manifests = HelmChart.render(Values.minimal()
			.with("smtp.host", "smtp.example.org")
			.with("smtp.port", 2525)
			.with("redis.mode", "standalone")
			.with("redis.url", "redis://redis.data.svc:6379")
			.with("networkPolicy.egress.hibp.enabled", false));
		assertThat(egressPorts(manifests)).containsExactlyInAnyOrder(8080, 2525, 6379, 53);
	}

	@Test
	void destinationsCanBeNarrowed() {
		Map<String, Object> registry = Map.of("ipBlock", Map.of("cidr", "10.20.0.0/16"));
		Manifests manifests = HelmChart.render(Values.minimal().with("networkPolicy.egress.registry.to", List.of(registry)));
		assertThat(rules(manifests, "egress")).anySatisfy((rule) -> {
			assertThat(ports(rule)).containsExactly(8080);
			assertThat((List<Object>) rule.get("to")).containsExactly(registry);
		});
	}

	@Test
	void canBeTurnedOff() {
		assertThat(HelmChart.render(Values.minimal().with("networkPolicy.enabled", false)).ofKind("NetworkPolicy")).isEmpty();
	}

	static Set<Integer> egressPorts(Manifests manifests) {
		return rules(manifests, "egress").stream().flatMap((rule) -> ports(rule).stream()).collect(Collectors.toSet());
	}

	static List<Integer> clientIngressPorts(Manifests manifests) {
		return ports(rules(manifests, "ingress").get(0));
	}

	private static List<Map<String, Object>> rules(Manifests manifests, String direction) {
		return at(manifests.get("NetworkPolicy", POLICY), "spec." + direction);
	}

	private static List<Integer> ports(Map<String, Object> rule) {
		List<Map<String, Object>> ports = at(rule, "ports");
		return ports.stream().map((port) -> (Integer) port.get("port")).distinct().toList();
	}

	private static List<String> protocols(Map<String, Object> rule) {
		List<Map<String, Object>> ports = at(rule, "ports");
		return ports.stream().map((port) -> (String) port.get("protocol")).toList();
	}

}
