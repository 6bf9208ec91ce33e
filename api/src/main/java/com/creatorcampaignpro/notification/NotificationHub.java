package com.creatorcampaignpro.notification;

import com.creatorcampaignpro.notification.NotificationDao.Row;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This instance's end of the fan-out. One dedicated connection LISTENs on {@code ccp_notifications}
 * (the V110 trigger NOTIFYs at commit); on each announcement, and every {@code safety-poll} in case
 * one was lost with a connection, it reads the rows after its cursor once and hands each to the
 * streams it concerns. Ids are in commit order (V110), so "after the cursor" never skips a row.
 */
public class NotificationHub implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(NotificationHub.class);
    static final int PAGE = 500;

    private final NotificationDao dao;
    private final NotificationProperties properties;
    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final JsonMapper json;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final Object cursorLock = new Object();
    private long cursor;
    private volatile boolean running;
    private Thread listener;
    private ScheduledExecutorService keepAlive;

    NotificationHub(NotificationDao dao, NotificationProperties properties, String jdbcUrl, String username,
                    String password, JsonMapper json) {
        this.dao = dao;
        this.properties = properties;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.json = json;
    }

    /**
     * Opens a stream for a user. With {@code lastEventId}, first replays what the user missed after
     * it (their own notifications and, for operators, the operators'), then continues live; events
     * that arrive meanwhile wait and are sent after the replay, each id once, in order.
     */
    SseEmitter subscribe(UUID userId, boolean operator, Long lastEventId) {
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        Subscriber subscriber = new Subscriber(userId, operator, emitter);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        synchronized (cursorLock) {
            subscriber.lastSent = lastEventId != null ? lastEventId : cursor;
            subscriber.replaying = lastEventId != null;
            subscribers.add(subscriber);
        }
        subscriber.sendComment("connected");
        if (lastEventId != null) {
            long after = lastEventId;
            List<Row> missed;
            do {
                missed = dao.missed(userId, operator, after, PAGE);
                for (Row row : missed) {
                    subscriber.replay(row);
                    after = row.id();
                }
            } while (missed.size() == PAGE);
            subscriber.endReplay();
        }
        return emitter;
    }

    /** Reads everything after the cursor and dispatches it; called by the listener thread. */
    void catchUp() {
        List<Row> rows;
        do {
            long from;
            synchronized (cursorLock) {
                from = cursor;
            }
            rows = dao.after(from, PAGE);
            if (rows.isEmpty()) {
                return;
            }
            List<Subscriber> targets;
            synchronized (cursorLock) {
                cursor = rows.get(rows.size() - 1).id();
                targets = List.copyOf(subscribers);
            }
            for (Row row : rows) {
                for (Subscriber subscriber : targets) {
                    if (subscriber.concerns(row)) {
                        subscriber.deliver(row);
                    }
                }
            }
        } while (rows.size() == PAGE);
    }

    int subscriberCount() {
        return subscribers.size();
    }

    private void listen() {
        long backoff = 1000;
        while (running) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl, username, password)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN ccp_notifications");
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                backoff = 1000;
                catchUp();   // whatever committed while this connection was down
                while (running) {
                    PGNotification[] notifications = pg.getNotifications((int) properties.safetyPoll().toMillis());
                    if (!running) {
                        return;
                    }
                    // An announcement, or the safety poll's timeout: either way, read after the cursor.
                    catchUp();
                    if (notifications == null) {
                        connection.isValid(2);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Notification listener lost its connection ({}); reconnecting in {} ms", e.toString(), backoff);
                try {
                    Thread.sleep(backoff);   // a reconnect loop's pause, not a test wait
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }

    @Override
    public void start() {
        synchronized (cursorLock) {
            cursor = dao.lastId();
        }
        running = true;
        listener = new Thread(this::listen, "ccp-notifications-listener");
        listener.setDaemon(true);
        listener.start();
        keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ccp-notifications-keepalive");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.keepAlive().toMillis();
        keepAlive.scheduleWithFixedDelay(() -> subscribers.forEach(s -> s.sendComment("keep-alive")),
                every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (keepAlive != null) {
            keepAlive.shutdownNow();
        }
        if (listener != null) {
            listener.interrupt();
        }
        subscribers.forEach(s -> s.emitter.complete());
        subscribers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** One open stream. Its lock orders replay and live delivery; {@code lastSent} makes each id go out once. */
    private final class Subscriber {
        final UUID userId;
        final boolean operator;
        final SseEmitter emitter;
        long lastSent;
        boolean replaying;
        final List<Row> waiting = new ArrayList<>();

        Subscriber(UUID userId, boolean operator, SseEmitter emitter) {
            this.userId = userId;
            this.operator = operator;
            this.emitter = emitter;
        }

        boolean concerns(Row row) {
            return "operators".equals(row.audience()) ? operator : userId.equals(row.recipientId());
        }

        /** A live row from the listener: held back while the replay runs. */
        synchronized void deliver(Row row) {
            if (replaying) {
                waiting.add(row);
            } else if (row.id() > lastSent) {
                send(row);
            }
        }

        synchronized void replay(Row row) {
            if (row.id() > lastSent) {
                send(row);
            }
        }

        synchronized void endReplay() {
            replaying = false;
            for (Row row : waiting) {
                if (row.id() > lastSent) {
                    send(row);
                }
            }
            waiting.clear();
        }

        synchronized void sendComment(String comment) {
            try {
                emitter.send(SseEmitter.event().comment(comment));
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(this);
            }
        }

        private void send(Row row) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("id", row.id());
            data.put("type", row.type());
            data.put("payload", json.readTree(row.payload()));
            data.put("createdAt", row.createdAt().toString());
            try {
                emitter.send(SseEmitter.event().id(Long.toString(row.id())).name(row.type())
                        .data(json.writeValueAsString(data)));
                lastSent = row.id();
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(this);
                emitter.completeWithError(e);
            }
        }
    }
}
