package io.registryguard.read;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpHeaders;

/**
 * The one strict reader of a body's fields, for the requests the guard forwards ({@link StrictRequestReader}) and
 * for the forms of its own pages alike: the headers that say how to read the body ({@code Content-Type},
 * {@code Content-Encoding}, {@code Transfer-Encoding}), then the body by {@link UrlEncodedForm},
 * {@link MultipartForm} or {@link JsonForm}, each field once.
 */
public final class StrictForms {

    private StrictForms() {
    }

    /** The body formats a caller reads. */
    public enum Accepted {
        /** urlencoded and multipart forms: what the registry's form routes take */
        FORMS,
        /** urlencoded forms and JSON objects of strings: what the guard's own pages take */
        FORMS_AND_JSON
    }

    /**
     * @param body the whole body; empty means no fields (and then no {@code Content-Type} is needed)
     * @return the body's fields in order, each name once
     * @throws UnreadableRequestException for anything that cannot be read one way only
     */
    public static List<FormField> read(HttpHeaders headers, byte[] body, Accepted accepted) {
        checkCodings(headers);
        if (body.length == 0) {
            return List.of();
        }
        StrictContentType type = StrictContentType.of(headers.getOrEmpty(HttpHeaders.CONTENT_TYPE));
        List<FormField> fields = switch (type.form()) {
            case URLENCODED -> UrlEncodedForm.parse(body, FormField.Source.BODY);
            case MULTIPART -> {
                if (accepted == Accepted.FORMS_AND_JSON) {
                    throw new UnreadableRequestException("content-type",
                            "send application/x-www-form-urlencoded or application/json here");
                }
                yield MultipartForm.parse(body, type.boundary());
            }
            case JSON -> {
                if (accepted != Accepted.FORMS_AND_JSON) {
                    throw new UnreadableRequestException("content-type", "Content-Type 'application/json' is not"
                            + " read here: send application/x-www-form-urlencoded or multipart/form-data");
                }
                yield JsonForm.parse(body);
            }
        };
        checkRepeats(fields);
        return fields;
    }

    /** Compressed bodies are not inflated; only the chunked transfer coding (undone by the server) is known. */
    static void checkCodings(HttpHeaders headers) {
        for (String encoding : headers.getOrEmpty(HttpHeaders.CONTENT_ENCODING)) {
            if (!encoding.strip().equalsIgnoreCase("identity")) {
                throw new UnreadableRequestException("content-encoding", "Content-Encoding '"
                        + StrictContentType.printable(encoding) + "' is not read here: send the body uncompressed");
            }
        }
        for (String coding : headers.getOrEmpty(HttpHeaders.TRANSFER_ENCODING)) {
            if (!coding.strip().equalsIgnoreCase("chunked")) {
                throw new UnreadableRequestException("content-encoding", "Transfer-Encoding '"
                        + StrictContentType.printable(coding) + "' is not read here");
            }
        }
    }

    static void checkRepeats(List<FormField> fields) {
        Set<String> seen = new HashSet<>();
        for (FormField field : fields) {
            if (!seen.add(field.name())) {
                throw new UnreadableRequestException("repeated-field", "Field '"
                        + StrictContentType.printable(field.name()) + "' appears more than once in the "
                        + UrlEncodedForm.where(field.source()) + "; send each field once");
            }
        }
    }
}
