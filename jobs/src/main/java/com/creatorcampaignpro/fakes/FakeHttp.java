package com.creatorcampaignpro.fakes;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;

import javax.net.ServerSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the provider fakes share: JSON answers, form and query parsing, the network faults, fault
 * injection ({@link Faults}) and request bookkeeping ({@link Journal}).
 */
public final class FakeHttp {
    private FakeHttp() {
    }

    /**
     * A MockWebServer whose connections send without Nagle's algorithm, like a real provider's front
     * end. MockWebServer writes an answer's head and body separately; with Nagle the body waits for
     * the client's delayed ACK of the head (up to 40 ms on Linux loopback), which made every call to a
     * fake cost tens of milliseconds more than its configured latency.
     */
    public static MockWebServer server() {
        MockWebServer server = new MockWebServer();
        server.setServerSocketFactory(new ServerSocketFactory() {
            @Override
            public ServerSocket createServerSocket() throws IOException {
                return new NoDelayServerSocket();
            }

            @Override
            public ServerSocket createServerSocket(int port) throws IOException {
                return bound(new InetSocketAddress(port), 50);
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog) throws IOException {
                return bound(new InetSocketAddress(port), backlog);
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
                return bound(new InetSocketAddress(address, port), backlog);
            }

            private ServerSocket bound(InetSocketAddress address, int backlog) throws IOException {
                ServerSocket socket = new NoDelayServerSocket();
                socket.bind(address, backlog);
                return socket;
            }
        });
        return server;
    }

    private static final class NoDelayServerSocket extends ServerSocket {
        NoDelayServerSocket() throws IOException {
        }

        @Override
        public Socket accept() throws IOException {
            Socket socket = super.accept();
            socket.setTcpNoDelay(true);
            return socket;
        }
    }

    /**
     * Faults a fake serves: queued ones (the next request to a method and path prefix meets it), then,
     * within {@code scope} (a path prefix), one of a set of kinds at a seeded random rate, so a run is
     * repeatable. A read (GET) cannot meet a fault that means "applied, then failed": it meets
     * {@code readFallback} instead, unless the fault is one of {@code readable}.
     */
    public static final class Faults<F extends Enum<F>> {
        private record Rule<F>(String method, String pathPrefix, F fault) {
        }

        private final String scope;
        private final Set<F> readable;
        private final F readFallback;
        private final Deque<Rule<F>> queued = new ArrayDeque<>();
        private final Random random;
        private double rate;
        private List<F> kinds = List.of();
        private long served;

        public Faults(String scope, Set<F> readable, F readFallback, long seed) {
            this.scope = scope;
            this.readable = Set.copyOf(readable);
            this.readFallback = readFallback;
            this.random = new Random(seed);
        }

        public synchronized void failNext(String method, String pathPrefix, F fault) {
            queued.add(new Rule<>(method, pathPrefix, fault));
        }

        public synchronized void setRate(double rate, long seed, List<F> kinds) {
            this.rate = rate;
            this.kinds = List.copyOf(kinds);
            this.random.setSeed(seed);
        }

        /** The fault this request meets, or null. */
        public synchronized F next(String method, String path) {
            F fault = pick(method, path);
            if (fault != null) {
                served++;
            }
            return fault;
        }

        /** How many faults were served so far: a test under faults can check it met some. */
        public synchronized long served() {
            return served;
        }

        private F pick(String method, String path) {
            for (var it = queued.iterator(); it.hasNext(); ) {
                Rule<F> rule = it.next();
                if (rule.method().equals(method) && path.startsWith(rule.pathPrefix())) {
                    it.remove();
                    return rule.fault();
                }
            }
            if (rate > 0 && !kinds.isEmpty() && path.startsWith(scope) && random.nextDouble() < rate) {
                F fault = kinds.get(random.nextInt(kinds.size()));
                return "GET".equals(method) && !readable.contains(fault) ? readFallback : fault;
            }
            return null;
        }
    }

    /**
     * What a fake received, per "METHOD path": how many requests (always exact), and one header's
     * values in order, of the last {@link #setKept kept} requests only, so a 100,000-payment run fits
     * a small heap. Reading values of which some were dropped fails rather than answer with part of them.
     */
    public static final class Journal {
        /** Default values kept per "METHOD path": far more than any test sends, bounded for the benchmark. */
        public static final int DEFAULT_KEPT = 10_000;

        private final String header;
        private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        private final Map<String, Kept> values = new ConcurrentHashMap<>();
        private volatile int kept = DEFAULT_KEPT;

        /** {@code header}: the header to keep (e.g. Idempotency-Key), "null" when a request had none. */
        public Journal(String header) {
            this.header = header;
        }

        /** Header values kept per "METHOD path" from now on (0: counts only). */
        public void setKept(int kept) {
            this.kept = Math.max(0, kept);
        }

        public void record(RecordedRequest request) {
            String key = request.getMethod() + " " + request.getUrl().encodedPath();
            counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            Kept kept = values.computeIfAbsent(key, k -> new Kept());
            synchronized (kept) {
                kept.values.addLast(String.valueOf(request.getHeaders().get(header)));
                while (kept.values.size() > this.kept) {
                    kept.values.removeFirst();
                    kept.dropped++;
                }
            }
        }

        public int count(String method, String path) {
            AtomicInteger n = counts.get(method + " " + path);
            return n == null ? 0 : n.get();
        }

        /** Every value received, in order; fails when some were dropped (more than the kept number arrived). */
        public List<String> headerValues(String method, String path) {
            Kept kept = values.get(method + " " + path);
            if (kept == null) {
                return List.of();
            }
            synchronized (kept) {
                if (kept.dropped > 0) {
                    throw new IllegalStateException(method + " " + path + ": the journal kept the last " + kept.values.size()
                            + " " + header + " values and dropped " + kept.dropped + " (see setKept)");
                }
                return List.copyOf(kept.values);
            }
        }

        private static final class Kept {
            final Deque<String> values = new ArrayDeque<>();
            long dropped;
        }
    }

    /**
     * MockWebServer keeps every request it served (headers and body) for takeRequest(); the fakes
     * never take them, so at 100,000 payments they would fill the heap. Call before dispatching.
     */
    public static void forgetServedRequests(MockWebServer server) {
        try {
            while (server.takeRequest(0, TimeUnit.NANOSECONDS) != null) {
                // dropped: the fake's own state and journal say what happened
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json; charset=UTF-8")
                .body(body).build();
    }

    /** The answer, but only after {@code delay}: past the client's read timeout it never arrives. */
    public static MockResponse delayed(MockResponse response, Duration delay) {
        return delay.isZero() ? response
                : response.newBuilder().headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS).build();
    }

    /** The request was applied, then the connection closes before a byte of the answer. */
    public static MockResponse dropped() {
        return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build();
    }

    public static Map<String, String> form(RecordedRequest request) {
        Map<String, String> out = new LinkedHashMap<>();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    public static String query(RecordedRequest request, String name) {
        HttpUrl url = request.getUrl();
        return url.queryParameter(name);
    }

    /** A JSON string literal (quotes included) for hand-written bodies. */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
