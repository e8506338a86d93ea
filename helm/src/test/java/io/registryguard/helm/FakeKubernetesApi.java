package io.registryguard.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Just enough of a Kubernetes API on loopback to answer the chart's {@code lookup} calls for
 * Secrets. helm-java's {@code template} runs Helm's install action with dry-run option "none",
 * which lets {@code lookup} reach the cluster that KUBECONFIG names (real {@code helm template}
 * never does); without an answer the render fails. Serving Secrets also lets the tests play an
 * upgrade: a Secret put here is what {@code lookup} finds.
 */
final class FakeKubernetesApi {

	private static final Pattern SECRET_PATH = Pattern.compile("/api/v1/namespaces/([^/]+)/secrets/([^/?]+)");

	private static final String RESOURCE_LIST = """
			{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"v1","resources":[
			{"name":"secrets","singularName":"secret","namespaced":true,"kind":"Secret","verbs":["get","list"]},
			{"name":"configmaps","singularName":"configmap","namespaced":true,"kind":"ConfigMap","verbs":["get","list"]}]}""";

	private static final Map<String, Map<String, String>> secrets = new ConcurrentHashMap<>();

	private static HttpServer server;

	private FakeKubernetesApi() {
	}

	/** Starts the server once and points the KUBECONFIG file (path fixed by the build) at it. */
	static synchronized void ensureStarted() {
		if (server != null) {
			return;
		}
		String kubeconfig = System.getenv("KUBECONFIG");
		if (kubeconfig == null) {
			throw new IllegalStateException("KUBECONFIG must name a file the tests may write (set by the Maven build)");
		}
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/", FakeKubernetesApi::handle);
			server.start();
			Path file = Path.of(kubeconfig);
			Files.createDirectories(file.getParent());
			Files.writeString(file, """
					apiVersion: v1
					kind: Config
					clusters:
					  - name: fake
					    cluster:
					      server: http://127.0.0.1:%d
					contexts:
					  - name: fake
					    context:
					      cluster: fake
					      user: fake
					current-context: fake
					users:
					  - name: fake
					    user: {}
					""".formatted(server.getAddress().getPort()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A Secret that exists "in the cluster" until {@link #clear()}; values are plain text. */
	static void putSecret(String namespace, String name, Map<String, String> data) {
		secrets.put(namespace + "/" + name, Map.copyOf(data));
	}

	static void clear() {
		secrets.clear();
	}

	private static void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		if ("/api/v1".equals(path)) {
			respond(exchange, 200, RESOURCE_LIST);
			return;
		}
		Matcher secret = SECRET_PATH.matcher(path);
		if (secret.matches() && "GET".equals(exchange.getRequestMethod())) {
			Map<String, String> data = secrets.get(secret.group(1) + "/" + secret.group(2));
			if (data != null) {
				respond(exchange, 200, secretJson(secret.group(1), secret.group(2), data));
				return;
			}
		}
		respond(exchange, 404, """
				{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404,"message":"not found"}""");
	}

	private static String secretJson(String namespace, String name, Map<String, String> data) {
		String encoded = data.entrySet()
			.stream()
			.map((entry) -> "\"" + entry.getKey() + "\":\""
					+ Base64.getEncoder().encodeToString(entry.getValue().getBytes(StandardCharsets.UTF_8)) + "\"")
			.collect(Collectors.joining(","));
		return """
				{"kind":"Secret","apiVersion":"v1","metadata":{"name":"%s","namespace":"%s"},"type":"Opaque","data":{%s}}"""
			.formatted(name, namespace, encoded);
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (var out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
