package io.registryguard.read;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

/**
 * What the guard read of a request that a rule could classify as non-public: the fields of its query string and,
 * when read, its form body, each name at most once (a repeat with another value was refused). The registry
 * receives exactly these fields, re-serialized; see {@link StrictRequestReader}.
 */
public final class ReadRequest {

    /** Exchange attribute holding the {@code ReadRequest}; absent on public requests, which are never read. */
    public static final String ATTRIBUTE = ReadRequest.class.getName();

    private final List<FormField> fields;
    private final boolean bodyRead;
    private final byte[] canonicalBody;

    ReadRequest(List<FormField> fields, boolean bodyRead, byte[] canonicalBody) {
        this.fields = List.copyOf(fields);
        this.bodyRead = bodyRead;
        this.canonicalBody = canonicalBody.clone();
    }

    /** The reading of this exchange, or null when it was not read (a public request). */
    public static @Nullable ReadRequest of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    /**
     * The fields of a body this class forwarded earlier ({@link #canonicalBody()}), kept and replayed later (the
     * step-up stash): canonical urlencoded UTF-8, read by the same strict parser.
     *
     * @throws UnreadableRequestException when the bytes are not such a body
     */
    public static ReadRequest ofCanonicalBody(byte[] canonicalBody) {
        return new ReadRequest(UrlEncodedForm.parse(canonicalBody, FormField.Source.BODY), true, canonicalBody);
    }

    /** The field's one value, from the body or the query string (the same there, if in both). */
    public Optional<String> value(String name) {
        for (FormField field : fields) {
            if (field.name().equals(name)) {
                return Optional.of(field.value());
            }
        }
        return Optional.empty();
    }

    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        fields.forEach(field -> names.add(field.name()));
        return names;
    }

    public List<FormField> fields() {
        return fields;
    }

    /** False for uploads, whose credential is a header and whose (large) body streams through unread. */
    public boolean bodyRead() {
        return bodyRead;
    }

    /** The body as forwarded: the read form fields, urlencoded in UTF-8; empty when there was none or it was not read. */
    public byte[] canonicalBody() {
        return canonicalBody.clone();
    }

    /** The {@code Content-Type} forwarded with {@link #canonicalBody()}, or null when there is no body. */
    public @Nullable String canonicalContentType() {
        return canonicalBody.length == 0 ? null : StrictContentType.canonical();
    }

    @Override
    public String toString() {
        return "ReadRequest" + fields; // FormField hides values
    }
}
