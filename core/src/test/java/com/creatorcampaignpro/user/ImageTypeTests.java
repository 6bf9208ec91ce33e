package com.creatorcampaignpro.user;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ImageTypeTests {

    @Test
    void recognisesImagesByTheirLeadingBytes() {
        assertThat(ImageType.sniff(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0})).contains(ImageType.PNG);
        assertThat(ImageType.sniff(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).contains(ImageType.JPEG);
        assertThat(ImageType.sniff("RIFF\u0001\u0000\u0000\u0000WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1))).contains(ImageType.WEBP);
    }

    @Test
    void refusesEverythingElse() {
        assertThat(ImageType.sniff("<html><script>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ImageType.sniff("GIF89a".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ImageType.sniff("RIFF\u0001\u0000\u0000\u0000WAVE".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(ImageType.sniff(new byte[0])).isEmpty();
        assertThat(ImageType.sniff(null)).isEmpty();
    }
}
