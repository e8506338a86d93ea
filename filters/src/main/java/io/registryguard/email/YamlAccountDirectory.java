package io.registryguard.email;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.registryguard.policy.AccountNames;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import reactor.core.publisher.Mono;

/**
 * Addresses from a static YAML file, read once when constructed (for the demo and installs without a
 * directory endpoint):
 *
 * <pre>
 * accounts:
 *   alice: alice@example.test
 *   bob: bob@example.test
 * </pre>
 *
 * Usernames match in their canonical form ({@link AccountNames}): regardless of case, like Warehouse's. Keys YAML would read as something else
 * ({@code no}, {@code 123}) must be quoted; a bad file is rejected with the file and key named.
 */
public final class YamlAccountDirectory implements AccountDirectory {

    private final Map<String, String> addresses;
    private final AccountNames names;

    private YamlAccountDirectory(Map<String, String> addresses, AccountNames names) {
        this.addresses = Map.copyOf(addresses);
        this.names = names;
    }

    /** Reads the file now (start-up, not a request path), names read as the policy's default reads them. */
    public static YamlAccountDirectory load(Path file) {
        return load(file, AccountNames.DEFAULT);
    }

    /** @param names how usernames are canonicalized: the policy's {@code accounts} */
    public static YamlAccountDirectory load(Path file, AccountNames names) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString(), names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read account file " + file, e);
        }
    }

    static YamlAccountDirectory parse(String yaml, String source) {
        return parse(new StringReader(yaml), source, AccountNames.DEFAULT);
    }

    private static YamlAccountDirectory parse(Reader reader, String source, AccountNames names) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object document;
        try {
            document = new Yaml(new SafeConstructor(options)).load(reader);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        if (!(document instanceof Map<?, ?> root) || !(root.get("accounts") instanceof Map<?, ?> accounts)) {
            throw new IllegalArgumentException(source + ": expected a mapping 'accounts: {username: address}'");
        }
        Map<String, String> addresses = new HashMap<>();
        for (Map.Entry<?, ?> entry : accounts.entrySet()) {
            if (!(entry.getKey() instanceof String username) || username.isBlank()) {
                throw new IllegalArgumentException(source + ": accounts." + entry.getKey()
                        + ": usernames must be strings (quote it)");
            }
            if (!(entry.getValue() instanceof String address) || !EmailAddresses.isPlausible(address)) {
                throw new IllegalArgumentException(source + ": accounts." + username + ": not an email address");
            }
            String canonical = names.canonical(username).orElseThrow(() -> new IllegalArgumentException(source
                    + ": accounts." + username + ": not an account name (control characters)"));
            if (addresses.put(canonical, address) != null) {
                throw new IllegalArgumentException(source + ": accounts." + username
                        + ": listed twice (usernames ignore case and Unicode variants)");
            }
        }
        return new YamlAccountDirectory(addresses, names);
    }

    @Override
    public Mono<Optional<String>> email(String account) {
        return Mono.just(Optional.ofNullable(account == null ? null : addresses.get(names.key(account))));
    }

    /** How many accounts the file lists (for the start-up log). */
    public int size() {
        return addresses.size();
    }
}
