package com.creatorcampaignpro.notification;

import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.UUID;

/**
 * Raises a live notification (README, "Live notifications"). Call it inside the transaction of the
 * change it reports: the row commits or rolls back with the change, and PostgreSQL announces it to
 * every instance at commit. Payloads carry ids and short facts, never secrets.
 */
public class Notifications {
    /** The types the platform raises today; clients switch on them. */
    public static final String INVITATION_RECEIVED = "invitation.received";
    public static final String INVITATION_ACCEPTED = "invitation.accepted";
    public static final String CONTENT_APPROVED = "content.approved";
    public static final String CONTENT_REJECTED = "content.rejected";
    public static final String CONTENT_CHANGES_REQUESTED = "content.changes_requested";
    public static final String PAYMENT_PAID = "payment.paid";
    public static final String PAYMENT_FAILED = "payment.failed";
    public static final String EXECUTION_STARTED = "execution.started";
    public static final String EXECUTION_FINISHED = "execution.finished";
    public static final String EXECUTION_FAILED = "execution.failed";
    /** A step of a running execution ended (its counts): progress between started and finished. */
    public static final String EXECUTION_STEP = "execution.step";

    private final NotificationDao dao;
    private final JsonMapper json = JsonMapper.builder().build();

    public Notifications(NotificationDao dao) {
        this.dao = dao;
    }

    public void toUser(UUID recipientId, String type, Map<String, ?> payload) {
        dao.insertForUser(recipientId, type, json.writeValueAsString(payload));
    }

    /** To every operator and admin connected to any instance. */
    public void toOperators(String type, Map<String, ?> payload) {
        dao.insertForOperators(type, json.writeValueAsString(payload));
    }
}
