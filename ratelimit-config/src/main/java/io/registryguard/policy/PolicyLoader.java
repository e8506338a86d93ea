package io.registryguard.policy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.UnicodeReader;

/**
 * Loads and validates a policy file. The file is composed into SnakeYAML nodes (never bound to objects) so
 * every value keeps its line, and every problem is reported at once in a {@link PolicyException}.
 */
public final class PolicyLoader {

    /** The built-in Warehouse profile, used when no policy file is configured. */
    static final String DEFAULT_RESOURCE = "io/registryguard/policy/policy.yaml";

    private PolicyLoader() {
    }

    /** The built-in policy; its source is {@code classpath:io/registryguard/policy/policy.yaml}. */
    public static Policy loadDefault() {
        String source = "classpath:" + DEFAULT_RESOURCE;
        try (InputStream in = PolicyLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw PolicyException.of(source, "not found on the classpath");
            }
            return parse(source, in.readAllBytes());
        } catch (IOException e) {
            throw PolicyException.of(source, "cannot read: " + e);
        }
    }

    /** Reads and validates {@code file}; its source is the path as given. */
    public static Policy load(Path file) {
        return parse(file.toString(), read(file));
    }

    /**
     * Validates {@code content}.
     *
     * @param sourceName names the content in the policy's {@code source} and in every problem
     * @throws PolicyException listing every problem found
     */
    public static Policy parse(String sourceName, byte[] content) {
        Node root = compose(sourceName, content);
        if (root == null) {
            throw PolicyException.of(sourceName, "empty file; expected a policy with keys "
                    + String.join(", ", PolicyReader.TOP_KEYS) + " (see the built-in policy.yaml)");
        }
        return PolicyReader.read(sourceName, sha256(content), root, new Problems(sourceName));
    }

    /** The file's bytes, following symbolic links (Kubernetes mounts ConfigMap files as links). */
    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw PolicyException.of(file.toString(), "cannot read the policy file: no such file");
        } catch (AccessDeniedException e) {
            throw PolicyException.of(file.toString(), "cannot read the policy file: permission denied");
        } catch (IOException | SecurityException e) {
            throw PolicyException.of(file.toString(), "cannot read the policy file: " + e);
        }
    }

    /** Lower-case hex SHA-256 of the bytes: the identity of what runs. */
    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static Node compose(String sourceName, byte[] content) {
        LoaderOptions options = new LoaderOptions();
        options.setProcessComments(false);
        options.setCodePointLimit(4 * 1024 * 1024);
        try {
            return new Yaml(options).compose(new UnicodeReader(new ByteArrayInputStream(content)));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getContext();
            String context = e.getContext() == null || e.getProblem() == null ? ""
                    : e.getContextMark() == null || e.getContextMark().getLine() == mark.getLine() ? " (" + e.getContext() + ")"
                    : " (" + e.getContext() + " at line " + (e.getContextMark().getLine() + 1) + ")";
            throw new PolicyException(List.of(new PolicyException.Problem(sourceName,
                    mark == null ? 0 : mark.getLine() + 1, null, "not valid YAML: " + what + context)));
        } catch (YAMLException e) {
            String cause = e.getCause() instanceof CharacterCodingException
                    ? "not UTF-8 text" : e.getMessage();
            throw PolicyException.of(sourceName, "not valid YAML: " + cause);
        }
    }
}
