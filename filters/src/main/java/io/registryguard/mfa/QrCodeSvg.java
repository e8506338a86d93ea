package io.registryguard.mfa;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code as an inline SVG the enrollment page embeds as is: no image request, no external asset,
 * nothing a content security policy has to allow. One path, one horizontal run of dark modules per
 * subpath ({@code M x y h n v1 h -n z}), in a viewBox of one unit per module.
 */
final class QrCodeSvg {

    /** The quiet zone ISO/IEC 18004 asks for, in modules. */
    static final int QUIET_ZONE = 4;

    private static final int PIXELS_PER_MODULE = 5;

    private QrCodeSvg() {
    }

    static String render(String text) {
        return toSvg(encode(text));
    }

    /** One bit per module, quiet zone included. */
    static BitMatrix encode(String text) {
        try {
            // Width and height 0: ZXing returns the smallest matrix, one bit per module. No character
            // set hint: the URI is ASCII, and an ECI header trips some older scanners.
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN, QUIET_ZONE));
        } catch (WriterException e) {
            // Only text too long for any QR version gets here; an otpauth URI is far below that.
            throw new IllegalArgumentException("text does not fit in a QR code: " + text.length() + " characters", e);
        }
    }

    static String toSvg(BitMatrix matrix) {
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < height; y++) {
            int x = 0;
            while (x < width) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < width && matrix.get(x, y)) {
                    x++;
                }
                int run = x - start;
                path.append('M').append(start).append(' ').append(y)
                        .append('h').append(run).append("v1h-").append(run).append('z');
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height + "\""
                + " width=\"" + width * PIXELS_PER_MODULE + "\" height=\"" + height * PIXELS_PER_MODULE + "\""
                + " shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code for your authenticator app\">"
                + "<rect width=\"" + width + "\" height=\"" + height + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
