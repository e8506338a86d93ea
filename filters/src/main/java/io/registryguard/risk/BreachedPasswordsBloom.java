package io.registryguard.risk;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Builds the Bloom filter file for {@link BloomFilterBreachedPasswords} from SHA-1 hex lines (the Have I Been
 * Pwned download's {@code SHA1:COUNT} lines work as they are):
 *
 * <pre>
 * java -cp filters.jar io.registryguard.risk.BreachedPasswordsBloom --out breached.bloom --fpp 0.001 pwned.txt
 * cat hashes.txt | java ... BreachedPasswordsBloom --out breached.bloom --expected 1000000
 * </pre>
 *
 * Reading a file counts its lines first; reading stdin needs {@code --expected}.
 */
public final class BreachedPasswordsBloom {

    private static final Pattern SHA1 = Pattern.compile("[0-9A-Fa-f]{40}");
    private static final String USAGE = "usage: BreachedPasswordsBloom --out FILE [--fpp 0.001] "
            + "[--expected N] [INPUT|-]";

    private BreachedPasswordsBloom() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** @return the exit code: 0 built, 2 bad usage, 1 failed */
    static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        Path output = null;
        Path input = null;
        double fpp = 0.001;
        long expected = -1;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--out" -> output = Path.of(args[++i]);
                    case "--fpp" -> fpp = Double.parseDouble(args[++i]);
                    case "--expected" -> expected = Long.parseLong(args[++i]);
                    case "-" -> input = null;
                    default -> input = Path.of(args[i]);
                }
            }
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            err.println(USAGE);
            return 2;
        }
        if (output == null || input == null && expected <= 0) {
            err.println(USAGE + (output == null ? "" : " (stdin needs --expected)"));
            return 2;
        }
        try {
            if (expected <= 0) {
                try (var lines = Files.lines(input, StandardCharsets.US_ASCII)) {
                    expected = Math.max(1, lines.count());
                }
            }
            BloomFilter filter = BloomFilter.create(expected, fpp);
            long skipped = 0;
            try (InputStream in = input == null ? stdin : Files.newInputStream(input);
                    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String hash = line.length() >= 40 ? line.substring(0, 40) : line;
                    if (SHA1.matcher(hash).matches() && (line.length() == 40 || line.charAt(40) == ':')) {
                        filter.add(hash);
                    } else if (!line.isBlank()) {
                        skipped++;
                    }
                }
            }
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16)) {
                filter.writeTo(file);
            }
            out.printf("%d hashes, %d skipped lines, %d bits (%d MiB), %d hash functions, target fpp %s -> %s%n",
                    filter.insertedCount(), skipped, filter.bitCount(), filter.bitCount() / 8 / 1024 / 1024,
                    filter.hashCount(), fpp, output);
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("BreachedPasswordsBloom: " + e.getMessage());
            return 1;
        }
    }
}
