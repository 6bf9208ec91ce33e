package com.creatorcampaignpro.user;

import com.creatorcampaignpro.testing.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AvatarIntegrationTests extends ApiIntegrationTest {

    static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(3, 3, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private org.springframework.test.web.servlet.ResultActions upload(Account account, MockMultipartFile file) throws Exception {
        var request = multipart("/api/users/upload-avatar").header("Authorization", account.bearer());
        if (file != null) {
            request.file(file);
        }
        return mvc.perform(request);
    }

    @Test
    void anUploadedAvatarIsServedBackFromAvatarUrl() throws Exception {
        Account account = influencer();
        byte[] image = png();
        JsonNode user = readJson(upload(account, new MockMultipartFile("file", "me.png", "image/png", image))
                .andExpect(status().isOk()));
        String url = user.get("avatarUrl").asString();
        assertThat(url).startsWith("/api/users/" + account.id() + "/avatar");

        // Public, like any profile picture: no token.
        var served = mvc.perform(get(url))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Cache-Control", containsString("max-age=3600")))
                .andExpect(header().exists("ETag"))
                .andReturn().getResponse();
        assertThat(served.getContentAsByteArray()).isEqualTo(image);
        mvc.perform(get(url).header("If-None-Match", served.getHeader("ETag"))).andExpect(status().isNotModified());
        mvc.perform(get("/api/users/profile").header("Authorization", account.bearer()))
                .andExpect(jsonPath("$.avatarUrl").value(url));
    }

    @Test
    void theTypeIsReadFromTheBytesNotFromTheHeader() throws Exception {
        Account account = marketer();
        upload(account, new MockMultipartFile("file", "evil.png", "image/png",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        // A real JPEG declared as anything is accepted as JPEG.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(3, 3, BufferedImage.TYPE_INT_RGB), "jpeg", out);
        byte[] jpeg = out.toByteArray();
        JsonNode user = readJson(upload(account, new MockMultipartFile("file", "x.bin", "application/octet-stream", jpeg))
                .andExpect(status().isOk()));
        mvc.perform(get(user.get("avatarUrl").asString())).andExpect(header().string("Content-Type", "image/jpeg"));
    }

    @Test
    void onlyWholeImagesAreStored() throws Exception {
        Account account = marketer();
        byte[] png = png();
        byte[] pngHeaderThenHtml = concat(Arrays.copyOf(png, 8), "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        byte[] pngThenHtml = concat(png, "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        byte[] truncated = Arrays.copyOf(png, png.length - 20);
        ByteArrayOutputStream wide = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4097, 1, BufferedImage.TYPE_INT_RGB), "png", wide);
        byte[] webpWithWrongLength = webp();
        webpWithWrongLength[4]++;
        for (byte[] refused : List.of(pngHeaderThenHtml, pngThenHtml, truncated, wide.toByteArray(), webpWithWrongLength)) {
            upload(account, new MockMultipartFile("file", "a.png", "image/png", refused))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("file"));
        }
        mvc.perform(get("/api/users/" + account.id() + "/avatar")).andExpect(status().isNotFound());

        // A WebP whose RIFF chunks add up is stored (the JDK cannot decode WebP: its structure is checked).
        JsonNode user = readJson(upload(account, new MockMultipartFile("file", "a.webp", "image/webp", webp()))
                .andExpect(status().isOk()));
        mvc.perform(get(user.get("avatarUrl").asString())).andExpect(header().string("Content-Type", "image/webp"));
    }

    /** RIFF, its length, WEBP, one VP8L chunk of 5 bytes (odd: padded to 6). */
    private static byte[] webp() {
        byte[] vp8l = {0x2f, 0, 0, 0, 0};
        int riffLength = 4 + 8 + vp8l.length + 1;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + riffLength).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(riffLength).put("WEBP".getBytes(StandardCharsets.US_ASCII))
                .put("VP8L".getBytes(StandardCharsets.US_ASCII)).putInt(vp8l.length).put(vp8l).put((byte) 0);
        return b.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void tooLargeOrMissingFilesAreRefusedNamingTheField() throws Exception {
        Account account = marketer();
        byte[] big = Arrays.copyOf(png(), 2 * 1024 * 1024 + 1);
        upload(account, new MockMultipartFile("file", "big.png", "image/png", big))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        upload(account, null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        mvc.perform(get("/api/users/" + account.id() + "/avatar")).andExpect(status().isNotFound());
    }

    @Test
    void uploadingNeedsAToken() throws Exception {
        mvc.perform(multipart("/api/users/upload-avatar").file(new MockMultipartFile("file", "a.png", "image/png", png())))
                .andExpect(status().isUnauthorized());
    }
}
