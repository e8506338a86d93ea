package io.registryguard.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

class QrCodeSvgTests {

    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z");
    private static final Pattern PATH_DATA = Pattern.compile(" d=\"([^\"]*)\"");

    private final String uri = OtpAuthUri.of("registry-guard", "alice", TotpSecret.generate(new SecureRandom()));

    @Test
    void renderWhenDecodedByZxingThenOtpauthUriRoundTrips() throws Exception {
        String svg = QrCodeSvg.render(uri);

        Result decoded = new QRCodeReader().decode(bitmap(modules(svg), 4), Map.of(DecodeHintType.PURE_BARCODE, true));

        assertThat(decoded.getText()).isEqualTo(uri);
    }

    @Test
    void renderWhenDrawnBackThenEveryModuleIsWhereZxingPutIt() {
        assertThat(modules(QrCodeSvg.render(uri))).isEqualTo(QrCodeSvg.encode(uri));
    }

    @Test
    void renderWhenEncodedThenQuietZoneOfFourModulesIsLeftBlank() {
        BitMatrix matrix = modules(QrCodeSvg.render(uri));
        for (int i = 0; i < matrix.getWidth(); i++) {
            for (int q = 0; q < QrCodeSvg.QUIET_ZONE; q++) {
                assertThat(matrix.get(i, q)).isFalse();
                assertThat(matrix.get(q, i)).isFalse();
                assertThat(matrix.get(i, matrix.getHeight() - 1 - q)).isFalse();
                assertThat(matrix.get(matrix.getWidth() - 1 - q, i)).isFalse();
            }
        }
        assertThat(matrix.get(QrCodeSvg.QUIET_ZONE, QrCodeSvg.QUIET_ZONE)).as("finder pattern corner").isTrue();
    }

    @Test
    void toSvgWhenRunsOfModulesThenOneSubpathPerRun() {
        BitMatrix matrix = new BitMatrix(4, 2);
        matrix.set(0, 0);
        matrix.set(1, 0);
        matrix.set(3, 0);
        matrix.set(2, 1);

        String svg = QrCodeSvg.toSvg(matrix);

        assertThat(svg).contains("viewBox=\"0 0 4 2\"").contains(" d=\"M0 0h2v1h-2zM3 0h1v1h-1zM2 1h1v1h-1z\"");
    }

    @Test
    void renderWhenEmbeddedThenNeedsNoExternalAsset() {
        String svg = QrCodeSvg.render(uri);

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>")
                .doesNotContain("href").doesNotContain("<image").doesNotContain("url(").doesNotContain("<script");
        assertThat(svg.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http");
    }

    /** Reads the module matrix back out of the SVG's path: the inverse of {@link QrCodeSvg#toSvg}. */
    static BitMatrix modules(String svg) {
        Matcher box = VIEW_BOX.matcher(svg);
        assertThat(box.find()).as("viewBox").isTrue();
        BitMatrix matrix = new BitMatrix(Integer.parseInt(box.group(1)), Integer.parseInt(box.group(2)));
        Matcher data = PATH_DATA.matcher(svg);
        assertThat(data.find()).as("path data").isTrue();
        String path = data.group(1);
        Matcher run = RUN.matcher(path);
        int consumed = 0;
        while (run.find()) {
            assertThat(run.start()).as("path is nothing but runs").isEqualTo(consumed);
            assertThat(run.group(3)).isEqualTo(run.group(4));
            matrix.setRegion(Integer.parseInt(run.group(1)), Integer.parseInt(run.group(2)), Integer.parseInt(run.group(3)), 1);
            consumed = run.end();
        }
        assertThat(consumed).isEqualTo(path.length());
        return matrix;
    }

    private static BinaryBitmap bitmap(BitMatrix matrix, int scale) {
        int width = matrix.getWidth() * scale;
        int height = matrix.getHeight() * scale;
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = matrix.get(x / scale, y / scale) ? 0xff000000 : 0xffffffff;
            }
        }
        return new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
    }
}
