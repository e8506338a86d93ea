package io.registryguard.stepup;

import java.text.ParseException;
import java.util.Locale;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;

/**
 * The checks a token passes before any key is looked at: its size, its shape (three base64url
 * segments) and its header's {@code alg}. The algorithm is read from the raw header, before Nimbus picks
 * a header type, so {@code none} and HMAC tokens are named as the attacks they are. The claims are not
 * parsed here: nothing of an unverified payload is read.
 */
final class CompactJws {

    /** Ours are well under 1 KiB; a bigger token is someone testing the parser. */
    static final int MAX_LENGTH = 8 * 1024;

    private CompactJws() {
    }

    static SignedJWT parse(String token) throws StepUpTokenRejected {
        if (token.length() > MAX_LENGTH) {
            throw new StepUpTokenRejected(StepUpRejection.OVERSIZED);
        }
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (second < 0 || token.indexOf('.', second + 1) >= 0 || !isBase64Url(token)) {
            throw new StepUpTokenRejected(StepUpRejection.MALFORMED);
        }
        Base64URL header = new Base64URL(token.substring(0, first));
        Base64URL payload = new Base64URL(token.substring(first + 1, second));
        Base64URL signature = new Base64URL(token.substring(second + 1));
        if (header.toString().isEmpty() || payload.toString().isEmpty()) {
            throw new StepUpTokenRejected(StepUpRejection.MALFORMED);
        }
        checkAlgorithm(header);
        if (signature.toString().isEmpty()) {
            throw new StepUpTokenRejected(StepUpRejection.BAD_SIGNATURE);
        }
        try {
            return new SignedJWT(header, payload, signature);
        } catch (ParseException | RuntimeException e) {
            throw new StepUpTokenRejected(StepUpRejection.MALFORMED);
        }
    }

    private static void checkAlgorithm(Base64URL header) throws StepUpTokenRejected {
        Object alg;
        try {
            Map<String, Object> json = JSONObjectUtils.parse(header.decodeToString(), MAX_LENGTH);
            alg = json.get("alg");
        } catch (ParseException | RuntimeException e) {
            throw new StepUpTokenRejected(StepUpRejection.MALFORMED);
        }
        if (!(alg instanceof String name)) {
            throw new StepUpTokenRejected(StepUpRejection.MALFORMED);
        }
        String folded = name.trim().toUpperCase(Locale.ROOT);
        if (folded.equals("NONE")) {
            throw new StepUpTokenRejected(StepUpRejection.ALG_NONE);
        }
        if (folded.startsWith("HS")) {
            throw new StepUpTokenRejected(StepUpRejection.ALG_HMAC);
        }
        if (!name.equals(JWSAlgorithm.ES256.getName())) {
            throw new StepUpTokenRejected(StepUpRejection.ALG_NOT_ALLOWED);
        }
    }

    /** Only the base64url alphabet and the two dots: no padding, whitespace or anything a decoder skips. */
    private static boolean isBase64Url(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
