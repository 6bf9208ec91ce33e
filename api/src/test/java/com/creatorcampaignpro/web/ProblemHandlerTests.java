package com.creatorcampaignpro.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemHandlerTests {

    // MockMvc never enforces spring.servlet.multipart limits, so the handler is checked directly.
    @Test
    @SuppressWarnings("unchecked")
    void anUploadOverTheMultipartLimitIsA413NamingTheFile() {
        var response = new ProblemHandler().handleMaxUploadSizeExceededException(
                new MaxUploadSizeExceededException(5L * 1024 * 1024), new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE,
                new ServletWebRequest(new MockHttpServletRequest()));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        ProblemDetail problem = (ProblemDetail) response.getBody();
        assertThat(problem.getStatus()).isEqualTo(413);
        assertThat(problem.getType()).isEqualTo(Problems.VALIDATION);
        assertThat((List<Object>) problem.getProperties().get("errors"))
                .containsExactly(new Problems.FieldError("file", "is larger than the server accepts"));
    }
}
