package com.creatorcampaignpro.mail;

import com.creatorcampaignpro.testing.FakeProvidersIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With SMTP configured the email goes to the server and its body, which may hold a token, never to the log. */
@ExtendWith(OutputCaptureExtension.class)
class OutboxSmtpIntegrationTests extends FakeProvidersIntegrationTest {
    @Autowired
    OutboundEmailDao outbox;
    @Autowired
    JavaMailSender smtp;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void withSmtpTheBodyIsSentAndNotLogged(CapturedOutput output) throws Exception {
        String to = uniqueEmail("smtp");
        String secret = "token=" + UUID.randomUUID();
        outbox.enqueue(to, "Confirm your email address", "Open http://localhost/verify-email?" + secret, "verify-email", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            mailer.deliverDue();
            return mailsTo(to).size() == 1;
        });
        assertThat((String) mailsTo(to).get(0).getContent()).contains(secret);
        assertThat(mailsTo(to).get(0).getFrom()[0].toString()).contains("no-reply@creatorcampaignpro.com");
        assertThat(output.getAll()).doesNotContain(secret);
    }

    @Test
    void theScheduledSenderDeliversOnItsOwn() {
        String to = uniqueEmail("polled");
        outbox.enqueue(to, "Polled", "Sent by the poller", "test", null);
        OutboxMailer poller = new OutboxMailer(outbox, new StaticListableBeanFactory(Map.of("smtp", smtp))
                .getBeanProvider(JavaMailSender.class), transaction,
                new OutboxProperties(true, "CCP <no-reply@creatorcampaignpro.com>", Duration.ofMillis(100), 100, 8, Duration.ofSeconds(30)));
        poller.start();
        try {
            assertThat(poller.isRunning()).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(to).size() == 1);
        } finally {
            poller.stop();
        }
        assertThat(poller.isRunning()).isFalse();
    }
}
