package io.registryguard.risk;

import io.registryguard.policy.risk.RiskChecks;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A Bloom filter of SHA-1 hashes. The hashes are already uniform, so the bit positions come straight from them
 * (double hashing on two 64-bit halves) rather than from hashing again.
 *
 * <p>File format (big-endian): {@code "RGBF"}, version 1, hash count (int), bit count (long), inserted count
 * (long), then the bits as longs.
 *
 * <p>Built by one thread; once built, safe to query from any number.
 */
public final class BloomFilter {

    private static final int MAGIC = 0x52474246; // "RGBF"
    private static final int VERSION = 1;

    private final long[] words;
    private final long bits;
    private final int hashes;
    private long inserted;

    private BloomFilter(long[] words, long bits, int hashes, long inserted) {
        this.words = words;
        this.bits = bits;
        this.hashes = hashes;
        this.inserted = inserted;
    }

    /** A filter sized for {@code expected} entries at false-positive rate {@code fpp}. */
    public static BloomFilter create(long expected, double fpp) {
        RiskChecks.positive("expected", expected);
        if (!(fpp > 0 && fpp < 1)) {
            throw new IllegalArgumentException("fpp must be in (0, 1), was " + fpp);
        }
        long bits = Math.max(64, (long) Math.ceil(-expected * Math.log(fpp) / (Math.log(2) * Math.log(2))));
        long words = (bits + 63) / 64;
        if (words > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a filter for " + expected + " entries at " + fpp + " is too large");
        }
        int hashes = (int) Math.max(1, Math.min(30, Math.round((double) bits / expected * Math.log(2))));
        return new BloomFilter(new long[(int) words], words * 64, hashes, 0);
    }

    public void add(String sha1Hex) {
        byte[] hash = parse(sha1Hex);
        long h1 = half(hash, 0);
        long h2 = half(hash, 8) | 1; // odd: never a zero stride
        for (int i = 0; i < hashes; i++) {
            long bit = Long.remainderUnsigned(h1 + i * h2, bits);
            words[(int) (bit >>> 6)] |= 1L << bit;
        }
        inserted++;
    }

    public boolean mightContain(String sha1Hex) {
        byte[] hash = parse(sha1Hex);
        long h1 = half(hash, 0);
        long h2 = half(hash, 8) | 1;
        for (int i = 0; i < hashes; i++) {
            long bit = Long.remainderUnsigned(h1 + i * h2, bits);
            if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    public long bitCount() {
        return bits;
    }

    public int hashCount() {
        return hashes;
    }

    public long insertedCount() {
        return inserted;
    }

    public void writeTo(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        data.writeInt(hashes);
        data.writeLong(bits);
        data.writeLong(inserted);
        for (long word : words) {
            data.writeLong(word);
        }
        data.flush();
    }

    /** @throws IOException when the stream is not a filter of this format, or ends early */
    public static BloomFilter readFrom(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != MAGIC) {
            throw new IOException("not a breached-password Bloom filter (bad magic)");
        }
        int version = data.readInt();
        if (version != VERSION) {
            throw new IOException("unsupported Bloom filter version " + version);
        }
        int hashes = data.readInt();
        long bits = data.readLong();
        long inserted = data.readLong();
        if (hashes < 1 || hashes > 30 || bits < 64 || bits % 64 != 0 || bits / 64 > Integer.MAX_VALUE - 8) {
            throw new IOException("corrupt Bloom filter header (hashes " + hashes + ", bits " + bits + ")");
        }
        long[] words = new long[(int) (bits / 64)];
        for (int i = 0; i < words.length; i++) {
            words[i] = data.readLong();
        }
        return new BloomFilter(words, bits, hashes, inserted);
    }

    private static byte[] parse(String sha1Hex) {
        if (sha1Hex == null || sha1Hex.length() != 40) {
            throw new IllegalArgumentException("a SHA-1 must be 40 hex digits");
        }
        return HexFormat.of().parseHex(sha1Hex.toLowerCase(Locale.ROOT));
    }

    private static long half(byte[] hash, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = value << 8 | (hash[i] & 0xFF);
        }
        return value;
    }
}
