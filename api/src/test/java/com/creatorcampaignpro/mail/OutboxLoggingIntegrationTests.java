package com.creatorcampaignpro.mail;

import com.creatorcampaignpro.testing.ApiIntegrationTest;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Without spring.mail.host (the default test context) the outbox writes emails to the log. */
@ExtendWith(OutputCaptureExtension.class)
class OutboxLoggingIntegrationTests extends ApiIntegrationTest {
    @Autowired
    OutboundEmailDao outbox;
    @Autowired
    OutboxMailer mailer;
    @Autowired
    Jdbi jdbi;

    @Test
    void withoutSmtpTheEmailAndItsLinkAreLogged(CapturedOutput output) {
        String link = "http://localhost:8080/reset-password?token=" + UUID.randomUUID();
        UUID id = outbox.enqueue(uniqueEmail("logged"), "Reset your password", "Open " + link, "reset-password", null);
        // No poller runs in tests: drive the sender; earlier tests' emails go out first.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            mailer.deliverDue();
            return output.getOut().contains(link);
        });
        assertThat(output.getOut()).contains("No SMTP server configured");
        String status = jdbi.withHandle(h -> h.createQuery("SELECT status FROM outbound_emails WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());
        assertThat(status).isEqualTo("sent");
    }
}
