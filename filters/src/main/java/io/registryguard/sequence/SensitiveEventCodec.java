package io.registryguard.sequence;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.time.Instant;
import java.util.Optional;

/**
 * A {@link SensitiveEvent} as one sorted-set member: {@code 1 <epoch ms> <KIND> <actor> <project> <target> <role>},
 * space-separated, each name URL-encoded (a name from a form may hold spaces or anything else) and empty when
 * null. The leading version lets a later format be told apart during a rolling upgrade. The time is in the member
 * too, so that the same action at two times is two members.
 */
final class SensitiveEventCodec {

    static final String VERSION = "1";
    private static final int FIELDS = 7;

    private SensitiveEventCodec() {
    }

    static byte[] encode(SensitiveEvent event) {
        return String.join(" ", VERSION, Long.toString(event.time().toEpochMilli()), event.kind().name(),
                text(event.actor()), text(event.project()), text(event.target()), text(event.targetRole()))
                .getBytes(UTF_8);
    }

    /**
     * The event, or empty when the member is of another format version (written by a newer replica).
     *
     * @throws IllegalStateException when a member of this version is malformed: this store did not write it
     */
    static Optional<SensitiveEvent> decode(byte[] member) {
        String text = new String(member, UTF_8);
        String[] fields = text.split(" ", -1);
        if (!fields[0].equals(VERSION)) {
            return Optional.empty();
        }
        try {
            if (fields.length != FIELDS) {
                throw new IllegalArgumentException("expected " + FIELDS + " fields, found " + fields.length);
            }
            return Optional.of(new SensitiveEvent(Instant.ofEpochMilli(Long.parseLong(fields[1])),
                    URLDecoder.decode(fields[3], UTF_8), SensitiveEvent.Kind.valueOf(fields[2]), name(fields[4]),
                    name(fields[5]), name(fields[6])));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("malformed sequence event '" + text + "': " + e.getMessage(), e);
        }
    }

    private static String text(String name) {
        return name == null ? "" : URLEncoder.encode(name, UTF_8);
    }

    private static String name(String field) {
        return field.isEmpty() ? null : URLDecoder.decode(field, UTF_8);
    }
}
