package io.registryguard.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathSegmentTests {

    @Test
    void encodeWhenUnreservedThenUnchanged() {
        assertThat(PathSegment.encode("Alice_1.2-x~")).isEqualTo("Alice_1.2-x~");
    }

    @Test
    void encodeWhenSeparatorsOrPercentThenEncoded() {
        assertThat(PathSegment.encode("a/b")).isEqualTo("a%2Fb");
        assertThat(PathSegment.encode("%2F")).isEqualTo("%252F");
        assertThat(PathSegment.encode("a;b?c#d")).isEqualTo("a%3Bb%3Fc%23d");
        assertThat(PathSegment.encode("é")).isEqualTo("%C3%A9");
    }
}
