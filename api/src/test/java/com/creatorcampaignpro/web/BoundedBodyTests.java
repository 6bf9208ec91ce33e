package com.creatorcampaignpro.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A body without a Content-Length (chunked) is counted as it is read and refused past the limit. */
class BoundedBodyTests {

    @Test
    void aBodyUpToTheLimitReadsWhole() throws IOException {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/campaigns");
        request.setContent(new byte[(int) BoundedBody.MAX_BYTES]);
        try (InputStream in = new BoundedBody(request).getInputStream()) {
            assertThat(in.readAllBytes()).hasSize((int) BoundedBody.MAX_BYTES);
        }
    }

    @Test
    void readingPastTheLimitFailsWithTheTooLargeException() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/campaigns");
        request.setContent(new byte[(int) BoundedBody.MAX_BYTES + 1]);
        assertThatThrownBy(() -> new BoundedBody(request).getInputStream().readAllBytes())
                .isInstanceOf(BoundedBody.TooLargeException.class)
                .satisfies(e -> assertThat(BoundedBody.causedBy(new IllegalStateException(e))).isTrue());
        MockHttpServletRequest text = new MockHttpServletRequest("POST", "/api/webhooks/stripe");
        text.setCharacterEncoding("UTF-8");
        text.setContent("x".repeat((int) BoundedBody.MAX_BYTES + 10).getBytes());
        assertThatThrownBy(() -> {
            try (Reader reader = new BoundedBody(text).getReader()) {
                reader.transferTo(java.io.Writer.nullWriter());
            }
        }).isInstanceOf(BoundedBody.TooLargeException.class);
    }
}
