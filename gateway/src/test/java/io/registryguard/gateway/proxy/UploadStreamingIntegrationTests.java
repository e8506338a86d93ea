package io.registryguard.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;

import io.registryguard.gateway.support.GatewayClients;
import io.registryguard.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

/**
 * A 200 MB upload goes through the gateway as a stream and arrives whole. The registry side is the demo
 * registry's sink, which answers with the byte count and SHA-256 of what it received. (The heap figure
 * for this upload is measured by bench/upload-heap.sh, not asserted here: timing and memory do not
 * belong in unit tests.)
 */
@GatewayIntegrationTest
class UploadStreamingIntegrationTests {

    static final int CHUNK = 64 * 1024;
    static final int CHUNKS = 200 * 16; // 200 MiB

    @LocalServerPort
    int port;

    @Test
    void postWhen200MegabyteChunkedUploadThenRegistryReceivesEveryByte() throws Exception {
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        Flux<DataBuffer> body = Flux.range(0, CHUNKS).map(i -> {
            byte[] chunk = new byte[CHUNK];
            for (int j = 0; j < CHUNK; j++) {
                chunk[j] = (byte) (i * 31 + j * 7);
            }
            sent.update(chunk);
            return DefaultDataBufferFactory.sharedInstance.wrap(chunk);
        });

        GatewayClients.https(port).post().uri("/_demo/sink")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(body, DataBuffer.class)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.bytes").isEqualTo(CHUNK * CHUNKS)
                .jsonPath("$.sha256").value(received ->
                        assertThat(received).isEqualTo(HexFormat.of().formatHex(sent.digest())));
    }
}
