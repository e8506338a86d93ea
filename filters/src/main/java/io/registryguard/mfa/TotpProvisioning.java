package io.registryguard.mfa;

import java.util.Objects;

/**
 * What the enrollment page shows: the secret for typing in by hand, the otpauth URI, and the same
 * URI as an inline SVG QR code. All three carry the secret, so {@link #toString()} shows none of them.
 * The caller keeps {@link #secret()} server-side (in the guard session) until the user confirms it with
 * a code: whoever supplies the pending secret chooses the factor.
 */
public record TotpProvisioning(TotpSecret secret, String otpauthUri, String qrCodeSvg) {

    public TotpProvisioning {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(otpauthUri, "otpauthUri");
        Objects.requireNonNull(qrCodeSvg, "qrCodeSvg");
    }

    @Override
    public String toString() {
        return "TotpProvisioning[redacted]";
    }
}
