package io.registryguard.helm;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.registryguard.helm.Manifests.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TLS terminated by a load balancer or ingress in front of the gateway. */
class TlsBehindLoadBalancerTests {

	private static Values behindLoadBalancer() {
		return Values.minimal()
			.with("tls.enabled", false)
			.with("trustedProxies", List.of("10.0.0.0/8", "192.168.0.0/16"));
	}

	@Test
	void gatewayServesPlainHttpAndTrustsTheBalancersForwardedFor() {
		Manifests manifests = HelmChart.render(behindLoadBalancer());
		assertThat(manifests.envValue("GUARD_TLS_ENABLED")).isEqualTo("false");
		assertThat(manifests.envValue("GUARD_TRUSTED_PROXIES")).isEqualTo("10.0.0.0/8,192.168.0.0/16");
		assertThat(manifests.env()).doesNotContainKeys("GUARD_TLS_CERTIFICATE", "GUARD_TLS_PRIVATE_KEY",
				"GUARD_TLS_REDIRECT_PORT");
	}

	@Test
	void noCertificateIsRenderedOrMounted() {
		Manifests manifests = HelmChart.render(behindLoadBalancer());
		assertThat(manifests.find("Secret", "guard-registry-guard-tls")).isEmpty();
		assertThat((List<Map<String, Object>>) at(manifests.podSpec(), "volumes"))
			.noneMatch((volume) -> "tls".equals(volume.get("name")));
		assertThat((List<Map<String, Object>>) at(manifests.gateway(), "ports"))
			.extracting((port) -> port.get("containerPort"))
			.containsExactlyInAnyOrder(8080, 9090);
	}

	@Test
	void serviceAndNetworkPolicyOfferOnlyHttp() {
		Manifests manifests = HelmChart.render(behindLoadBalancer().with("service.http.enabled", false));
		List<Map<String, Object>> ports = at(manifests.get("Service", "guard-registry-guard"), "spec.ports");
		assertThat(ports).extracting((port) -> port.get("name") + ":" + port.get("port")).containsExactly("http:80");
		assertThat(NetworkPolicyTests.clientIngressPorts(manifests)).containsExactly(8080);
	}

	@Test
	void ingressRoutesToTheHttpPortWhenTheGatewayDoesNotTerminateTls() {
		Manifests plain = HelmChart.render(behindLoadBalancer().with("ingress.enabled", true));
		assertThat(Manifests.<String>at(plain.get("Ingress", "guard-registry-guard"),
				"spec.rules.0.http.paths.0.backend.service.port.name")).isEqualTo("http");
		Manifests passthrough = HelmChart.render(Values.minimal().with("ingress.enabled", true));
		assertThat(Manifests.<String>at(passthrough.get("Ingress", "guard-registry-guard"),
				"spec.rules.0.http.paths.0.backend.service.port.name")).isEqualTo("https");
		assertThat(Manifests.<String>at(passthrough.get("Ingress", "guard-registry-guard"), "spec.rules.0.host"))
			.isEqualTo("registry.example.org");
	}

	@Test
	void notesWarnWhenNoProxyIsTrusted() {
		assertThat(HelmChart.notes(Values.minimal().with("tls.enabled", false)))
			.contains("all clients share one set of per-IP limits");
		assertThat(HelmChart.notes(behindLoadBalancer())).doesNotContain("per-IP limits")
			.doesNotContain("self-signed");
	}

	@Test
	void tlsWithoutAnyCertificateSourceIsRejected() {
		assertThatThrownBy(() -> HelmChart.render(Values.minimal().with("tls.selfSigned", false)))
			.hasMessageContaining("tls.enabled needs");
	}

	@Test
	void trustedProxiesMustBeCidrs() {
		assertThatThrownBy(() -> HelmChart.render(Values.minimal().with("trustedProxies", List.of("the load balancer"))))
			.hasMessageContaining("at '/trustedProxies/0'");
	}

}
