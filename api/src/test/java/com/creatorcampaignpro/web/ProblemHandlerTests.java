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

    @Test
    @SuppressWarnings("unchecked")
    void aConstraintViolationWrappedByJdbiIsMappedBySqlStateNamingItsMeaning() throws Exception {
        var unique = new org.postgresql.util.PSQLException(new org.postgresql.util.ServerErrorMessage(
                "SERROR\0C23505\0Mduplicate key value violates unique constraint\0ncontent_platform_media_key\0"));
        var wrapped = new org.jdbi.v3.core.statement.UnableToExecuteStatementException(unique, null);
        ProblemDetail problem = new ProblemHandler().unexpected(wrapped, new ServletWebRequest(new MockHttpServletRequest()));
        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getType()).isEqualTo(Problems.type("media-claimed"));
        assertThat((List<Object>) problem.getProperties().get("errors"))
                .containsExactly(new Problems.FieldError("platformMediaId", "is already the published media of other content"));

        var nul = new org.postgresql.util.PSQLException(new org.postgresql.util.ServerErrorMessage(
                "SERROR\0C22021\0Minvalid byte sequence for encoding \"UTF8\": 0x00\0"));
        ProblemDetail refused = new ProblemHandler().unexpected(new RuntimeException(nul),
                new ServletWebRequest(new MockHttpServletRequest()));
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getDetail()).doesNotContain("UTF8");

        ProblemDetail crash = new ProblemHandler().unexpected(new IllegalStateException("bug"),
                new ServletWebRequest(new MockHttpServletRequest()));
        assertThat(crash.getStatus()).isEqualTo(500);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCurrencyLockTriggersAreA409CurrencyLockedNamingCurrency() {
        for (String constraint : List.of("campaigns_currency_locked", "campaign_invitations_campaign_currency")) {
            var raised = new org.postgresql.util.PSQLException(new org.postgresql.util.ServerErrorMessage(
                    "SERROR\0CCCP02\0Mcampaign has invitations\0n" + constraint + "\0"));
            ProblemDetail problem = new ProblemHandler().unexpected(new org.jdbi.v3.core.statement.UnableToExecuteStatementException(raised, null),
                    new ServletWebRequest(new MockHttpServletRequest()));
            assertThat(problem.getStatus()).as(constraint).isEqualTo(409);
            assertThat(problem.getType()).as(constraint).isEqualTo(Problems.type("currency-locked"));
            assertThat((List<Problems.FieldError>) problem.getProperties().get("errors")).as(constraint)
                    .extracting(Problems.FieldError::field).containsExactly("currency");
        }
    }
}
