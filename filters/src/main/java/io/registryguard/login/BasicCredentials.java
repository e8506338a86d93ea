package io.registryguard.login;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * HTTP Basic credentials (RFC 7617) read strictly: {@code Basic}, one space, canonical padded base64 and nothing
 * else, decoding to UTF-8 {@code user:password} without control characters. Python's and Node's default
 * decoders skip stray characters and fix padding, so anything less exact could name a user to the registry and
 * none to the guard; it is refused instead. The registry is sent {@link #header()}, re-encoded from what was read.
 *
 * @param username the part before the first colon, as sent
 * @param password the rest; never logged
 */
record BasicCredentials(String username, String password) {

    private static final Pattern CANONICAL_BASE64 = Pattern.compile("(?:[A-Za-z0-9+/]{4})*"
            + "(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");

    /**
     * @param authorization every {@code Authorization} header of the request
     * @return the credentials; empty when there is no header or its scheme is not Basic (an API token)
     * @throws MalformedCredentialsException for a Basic header that is not read with certainty
     */
    static Optional<BasicCredentials> read(List<String> authorization) {
        if (authorization.isEmpty()) {
            return Optional.empty();
        }
        if (authorization.size() > 1) {
            throw new MalformedCredentialsException("more than one Authorization header");
        }
        String header = authorization.get(0);
        if (header.length() < 5 || !header.regionMatches(true, 0, "Basic", 0, 5)) {
            return Optional.empty();
        }
        if (header.length() == 5 || header.charAt(5) != ' ') {
            throw new MalformedCredentialsException("write the scheme 'Basic' followed by one space");
        }
        String encoded = header.substring(6);
        if (encoded.isEmpty() || !CANONICAL_BASE64.matcher(encoded).matches()) {
            throw new MalformedCredentialsException("the credentials are not canonical base64");
        }
        String decoded = utf8(Base64.getDecoder().decode(encoded));
        if (decoded == null) {
            throw new MalformedCredentialsException("the credentials are not UTF-8");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new MalformedCredentialsException("the credentials have no ':' between username and password");
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new MalformedCredentialsException("the credentials contain a control character");
            }
        }
        BasicCredentials read = new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
        // canonical base64 is unique for its bytes, but say so in code rather than rely on it
        if (!read.header().substring(6).equals(encoded)) {
            throw new MalformedCredentialsException("the credentials are not canonical base64");
        }
        return Optional.of(read);
    }

    /** The header the registry receives: exactly what was read, encoded again. */
    String header() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static @Nullable String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "BasicCredentials[username=" + username + ", password=[redacted]]";
    }

    /** A Basic header the guard will not guess at: 401, never forwarded. */
    static final class MalformedCredentialsException extends RuntimeException {

        MalformedCredentialsException(String message) {
            super(message, null, false, false);
        }
    }
}
