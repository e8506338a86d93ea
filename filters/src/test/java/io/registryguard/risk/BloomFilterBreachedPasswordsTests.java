package io.registryguard.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BloomFilterBreachedPasswordsTests {

    @TempDir
    Path dir;

    @Test
    void mightContainWhenTwentyThousandAddedThenAllFoundAndFalsePositivesNearTarget() {
        BloomFilter filter = BloomFilter.create(20_000, 0.01);
        IntStream.range(0, 20_000).forEach(i -> filter.add(sha1("breached-" + i)));

        assertThat(IntStream.range(0, 20_000).allMatch(i -> filter.mightContain(sha1("breached-" + i)))).isTrue();
        long falsePositives = IntStream.range(0, 100_000).filter(i -> filter.mightContain(sha1("fresh-" + i))).count();
        assertThat(falsePositives / 100_000.0).isBetween(0.003, 0.02);
    }

    @Test
    void readFromWhenWrittenThenSameAnswers() throws IOException {
        BloomFilter filter = BloomFilter.create(1000, 0.001);
        IntStream.range(0, 1000).forEach(i -> filter.add(sha1("p" + i)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        filter.writeTo(bytes);

        BloomFilter read = BloomFilter.readFrom(new ByteArrayInputStream(bytes.toByteArray()));

        assertThat(read.insertedCount()).isEqualTo(1000);
        assertThat(read.hashCount()).isEqualTo(filter.hashCount());
        assertThat(IntStream.range(0, 5000).allMatch(i -> read.mightContain(sha1("x" + i)) == filter.mightContain(sha1("x" + i))))
                .isTrue();
    }

    @Test
    void readFromWhenNotAFilterThenIoExceptionNamingMagic() {
        assertThatIOException().isThrownBy(() -> BloomFilter.readFrom(new ByteArrayInputStream(new byte[64])))
                .withMessageContaining("magic");
    }

    @Test
    void cliWhenBuiltFromHibpStyleFileThenLoadedFilterKnowsItsHashes() throws IOException {
        Path input = dir.resolve("pwned.txt");
        Files.write(input, List.of(sha1("password") + ":10437277", sha1("123456").toLowerCase(), "not a hash", ""));
        Path output = dir.resolve("breached.bloom");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = BreachedPasswordsBloom.run(new String[] { "--out", output.toString(), "--fpp", "0.0001",
                input.toString() }, InputStream.nullInputStream(), new PrintStream(out), System.err);

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("2 hashes, 1 skipped lines");
        BloomFilterBreachedPasswords passwords = BloomFilterBreachedPasswords.load(output);
        assertThat(passwords.isBreached(sha1("password")).block()).isTrue();
        assertThat(passwords.isBreached(sha1("123456")).block()).isTrue();
        assertThat(passwords.isBreached(sha1("correct horse battery staple")).block()).isFalse();
    }

    @Test
    void cliWhenStdinWithoutExpectedThenUsageAndExitTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = BreachedPasswordsBloom.run(new String[] { "--out", dir.resolve("x").toString() },
                new ByteArrayInputStream(sha1("a").getBytes(StandardCharsets.US_ASCII)), System.out, new PrintStream(err));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--expected");
    }

    @Test
    void cliWhenStdinWithExpectedThenBuilt() throws IOException {
        Path output = dir.resolve("stdin.bloom");
        String lines = sha1("a") + "\n" + sha1("b") + "\n";

        int exit = BreachedPasswordsBloom.run(new String[] { "--out", output.toString(), "--expected", "2", "-" },
                new ByteArrayInputStream(lines.getBytes(StandardCharsets.US_ASCII)), System.out, System.err);

        assertThat(exit).isZero();
        assertThat(BloomFilterBreachedPasswords.load(output).isBreached(sha1("b")).block()).isTrue();
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
