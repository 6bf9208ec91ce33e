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
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
        JsonNode user = readJson(upload(account, new MockMultipartFile("file", "x.bin", "application/octet-stream", jpeg))
                .andExpect(status().isOk()));
        mvc.perform(get(user.get("avatarUrl").asString())).andExpect(header().string("Content-Type", "image/jpeg"));
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
