package com.creatorcampaignpro.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A server-sent-events stream read on a background thread: what a browser's fetch reader sees. */
public final class EventStream implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One event: its id, event name and JSON data. */
    public record Event(long id, String name, JsonNode data) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CountDownLatch connected = new CountDownLatch(1);
    private volatile Stream<String> lines;
    private volatile int status;

    static EventStream open(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        EventStream stream = new EventStream();
        Thread reader = new Thread(() -> stream.read(http, request), "test-sse-reader");
        reader.setDaemon(true);
        reader.start();
        if (!stream.connected.await(30, TimeUnit.SECONDS)) {
            throw new IOException("the stream did not open");
        }
        if (stream.status != 200) {
            throw new IOException("the stream answered " + stream.status);
        }
        return stream;
    }

    private void read(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            status = response.statusCode();
            lines = response.body();
            String id = null, name = null;
            StringBuilder data = new StringBuilder();
            var iterator = lines.iterator();
            boolean first = true;
            while (iterator.hasNext()) {
                String line = iterator.next();
                if (first && line.startsWith(":")) {
                    first = false;
                    connected.countDown();   // the server's ":connected" comment: subscribed
                }
                if (line.isEmpty()) {
                    if (id != null) {
                        events.add(new Event(Long.parseLong(id), name, JSON.readTree(data.toString())));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // closed by the test, or the server went away
        } finally {
            connected.countDown();
        }
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<Event> eventsNamed(String name) {
        return events.stream().filter(e -> name.equals(e.name())).toList();
    }

    @Override
    public void close() {
        Stream<String> open = lines;
        if (open != null) {
            open.close();
        }
    }
}
