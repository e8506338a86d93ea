package io.registryguard.helm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The 8080 listener's redirects name a configured host (GUARD_PUBLIC_HOST), never a request's Host header. */
class RedirectHostTests {

	@Test
	void publicHostValueBecomesTheGatewaysPublicHost() {
		Manifests manifests = HelmChart.render(Values.minimal().with("tls.publicHost", "pypi.example.org"));
		assertThat(manifests.envValue("GUARD_PUBLIC_HOST")).isEqualTo("pypi.example.org");
		assertThat(manifests.envValue("GUARD_TLS_REDIRECT_PORT")).isEqualTo("443");
	}

	@Test
	void withoutAPublicHostTheFirstIngressHostIsUsed() {
		Manifests manifests = HelmChart.render(Values.minimal().with("ingress.enabled", true));
		assertThat(manifests.envValue("GUARD_PUBLIC_HOST")).isEqualTo("registry.example.org");
	}

	@Test
	void withoutAPublicHostOrIngressTheGatewayDefaultApplies() {
		assertThat(HelmChart.render(Values.minimal()).env()).doesNotContainKey("GUARD_PUBLIC_HOST");
	}

	@Test
	void withoutTlsThereIsNoRedirectAndNoPublicHost() {
		Manifests manifests = HelmChart.render(Values.minimal().with("tls.enabled", false)
			.with("tls.publicHost", "pypi.example.org"));
		assertThat(manifests.env()).doesNotContainKey("GUARD_PUBLIC_HOST");
	}

	@Test
	void publicHostWithAPortOrASchemeIsRejected() {
		assertThatThrownBy(() -> HelmChart.render(Values.minimal().with("tls.publicHost", "pypi.example.org:443")))
			.hasMessageContaining("publicHost");
		assertThatThrownBy(() -> HelmChart.render(Values.minimal().with("tls.publicHost", "https://pypi.example.org")))
			.hasMessageContaining("publicHost");
	}
}
