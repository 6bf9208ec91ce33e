package com.creatorcampaignpro.mail;

import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the outbox. Each poll claims a batch with FOR UPDATE SKIP LOCKED and holds the locks
 * while sending, so two instances never send the same email at the same time. Delivery is
 * at-least-once: an instance killed between the SMTP answer and the commit sends that email again
 * on the next poll (a duplicate mail is harmless; a lost reset link is not).
 * <p>
 * Without {@code spring.mail.host} there is no SMTP server: the email, link included, is written
 * to the log instead so a developer can follow it. With SMTP configured bodies are never logged.
 */
@Component
public class OutboxMailer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OutboxMailer.class);
    private static final Duration LONGEST_RETRY_DELAY = Duration.ofHours(1);

    private final OutboundEmailDao outbox;
    private final JavaMailSender smtp;
    private final TransactionTemplate transaction;
    private final OutboxProperties properties;
    private ScheduledExecutorService poller;

    OutboxMailer(OutboundEmailDao outbox, ObjectProvider<JavaMailSender> smtp, TransactionTemplate transaction,
                 OutboxProperties properties) {
        this.outbox = outbox;
        this.smtp = smtp.getIfAvailable();
        this.transaction = transaction;
        this.properties = properties;
    }

    /** Sends what is due now; returns how many emails were delivered. */
    public int deliverDue() {
        Integer delivered = transaction.execute(tx -> {
            List<OutboundEmail> due = outbox.claimDue(properties.batchSize());
            int sent = 0;
            for (OutboundEmail email : due) {
                try {
                    send(email);
                    outbox.markSent(email.id());
                    sent++;
                } catch (RuntimeException e) {
                    int attempts = email.attempts() + 1;
                    boolean giveUp = attempts >= properties.maxAttempts();
                    Instant next = Instant.now().plus(retryDelay(attempts));
                    outbox.markFailed(email.id(), abbreviate(e.toString()), next, giveUp);
                    log.warn("Email {} ({}) not delivered, attempt {}{}: {}", email.id(), email.kind(), attempts,
                            giveUp ? ", giving up" : ", retrying at " + next, e.toString());
                }
            }
            return sent;
        });
        return delivered == null ? 0 : delivered;
    }

    private void send(OutboundEmail email) {
        if (smtp == null) {
            log.info("""
                    No SMTP server configured (spring.mail.host): email {} logged instead of sent, link included.
                      To: {}
                      Subject: {}
                    {}""", email.id(), email.toAddress(), email.subject(), email.body());
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(email.toAddress());
        message.setSubject(email.subject());
        message.setText(email.body());
        smtp.send(message);
        log.info("Sent {} email {} to {}", email.kind(), email.id(), domainOf(email.toAddress()));
    }

    private Duration retryDelay(int attempts) {
        Duration delay = properties.firstRetryDelay().multipliedBy(1L << Math.min(attempts - 1, 16));
        return delay.compareTo(LONGEST_RETRY_DELAY) > 0 ? LONGEST_RETRY_DELAY : delay;
    }

    private static String domainOf(String address) {
        try {
            String plain = new InternetAddress(address).getAddress();
            return "*@" + plain.substring(plain.indexOf('@') + 1);
        } catch (Exception e) {
            return "(unparseable address)";
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    @Override
    public synchronized void start() {
        if (!properties.senderEnabled() || poller != null) {
            return;
        }
        log.info("Outbox sender polls every {} and {}", properties.pollInterval(),
                smtp == null ? "logs emails (no spring.mail.host)" : "sends through SMTP");
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "outbox-mailer");
            thread.setDaemon(true);
            return thread;
        });
        long millis = properties.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(() -> {
            try {
                deliverDue();
            } catch (RuntimeException e) {
                // The database may be briefly unavailable: the next poll tries again.
                log.warn("Outbox poll failed: {}", e.toString());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }
}
