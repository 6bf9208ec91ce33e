package com.creatorcampaignpro.security;

import com.creatorcampaignpro.testing.ApiIntegrationTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A hostile client of our own: every operation of /v3/api-docs, called by a caller allowed to call
 * it (with the fixtures and example bodies of {@link AuthorizationMatrixIntegrationTests}), once as
 * declared and then with one thing broken at a time: each body field (from the example and from
 * the request schema, one level into arrays and objects) set to a NUL byte, a lone surrogate, an
 * oversized string, numbers past long and double, a date PostgreSQL cannot hold, a wrong JSON type,
 * {@code null} or {@code [null]}; each query parameter to the same and to forged cursors; each path
 * variable to junk; the body as a whole to broken JSON; multipart bodies broken.
 * <p>
 * Every answer must be below 500, and every 4xx application/problem+json. Where the declared call
 * succeeds, a body field the client broke must be refused with a 400 that names a field, and text
 * PostgreSQL cannot store (NUL) and {@code null} array elements are never accepted.
 * Bounded: at most {@link #MAX_INPUTS_PER_OPERATION} inputs per operation.
 */
class ApiFuzzIntegrationTests extends ApiIntegrationTest {
    static final int MAX_INPUTS_PER_OPERATION = 500;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String NUL = "fuzz\u0000nul";
    private static final String OVERSIZED = "x".repeat(100_000);

    /** Totals over the run, printed at the end for the record. */
    private static final AtomicInteger OPERATIONS = new AtomicInteger();
    private static final AtomicInteger INPUTS = new AtomicInteger();

    private record Operation(String method, String path, JsonNode spec) {
        String key() {
            return method + " " + path;
        }
    }

    /** One request to make: what was broken, and what the answer must then be. */
    private record Input(String what, Request request, Rule rule) {
    }

    @FunctionalInterface
    private interface Request {
        AbstractMockHttpServletRequestBuilder<?> build() throws Exception;
    }

    /** Extra demands on a non-5xx answer, beyond "problem+json on every 4xx". */
    private enum Rule {
        /** Anything below 500. */
        NO_CRASH,
        /** A 400 must name the field (the declared call succeeds, so the broken field is the cause). */
        NAMED_IF_400,
        /** The declared call succeeds, so a 400 naming a field is the only right answer. */
        FIELD_REFUSED,
        /** Never a 2xx: the value cannot be stored (NUL, null element, oversized text). */
        NEVER_ACCEPTED
    }

    @TestFactory
    Stream<DynamicTest> noInputAnswers5xxAndEvery4xxIsProblemJson() throws Exception {
        JsonNode doc = readJson(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()));
        Map<String, Expectation> expectations = AuthorizationMatrixIntegrationTests.expectations(this);
        // The finished execution the ops fixtures share, made before fuzzed launches keep the job busy.
        expectations.get("GET /api/ops/executions/{id}").fixture.create(staff("operator"));
        List<Operation> operations = new ArrayList<>();
        for (var path : doc.get("paths").properties()) {
            for (var method : path.getValue().properties()) {
                if (Set.of("get", "put", "post", "delete", "patch").contains(method.getKey())) {
                    operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), method.getValue()));
                }
            }
        }
        Stream<DynamicTest> perOperation = operations.stream().map(op -> DynamicTest.dynamicTest(op.key(), () -> {
            Expectation e = expectations.get(op.key());
            assertThat(e).as(op.key() + " is not declared in AuthorizationMatrixIntegrationTests").isNotNull();
            fuzz(doc, op, e);
        }));
        return Stream.concat(perOperation, Stream.of(DynamicTest.dynamicTest("totals", () -> {
            System.out.printf("ApiFuzzIntegrationTests: %d operations, %d inputs%n", OPERATIONS.get(), INPUTS.get());
            assertThat(OPERATIONS.get()).isEqualTo(operations.size());
        })));
    }

    private void fuzz(JsonNode doc, Operation op, Expectation e) throws Exception {
        Persona persona = Persona.allowedBy(e);
        Supplier<Context> contexts = () -> {
            try {
                return context(persona, e);
            } catch (Exception ex) {
                throw new IllegalStateException(op.key() + ": fixture failed", ex);
            }
        };
        // A call that moves its resource along may use it up (DELETE, approve, accept...): fresh
        // fixtures per input there. Reads and PUTs leave it usable for the next input.
        boolean freshPerInput = op.method().equals("DELETE") || op.method().equals("POST") && op.path().contains("{");
        Context declared = contexts.get();
        int declaredStatus = mvc.perform(build(op, e, declared, declared.vars(), declared.body(), Map.of(), null))
                .andReturn().getResponse().getStatus();
        boolean declaredSucceeds = declaredStatus >= 200 && declaredStatus < 300;

        List<Input> inputs = new ArrayList<>();
        Context shared = contexts.get();
        Supplier<Context> next = () -> freshPerInput ? contexts.get() : shared;

        // Body fields, one at a time.
        JsonNode bodySchema = resolve(doc, op.spec().path("requestBody").path("content").path("application/json").path("schema"));
        boolean jsonBody = !op.spec().path("requestBody").path("content").path("application/json").isMissingNode();
        if (jsonBody) {
            for (String field : fieldPaths(doc, bodySchema, declared.body())) {
                for (var payload : payloads().entrySet()) {
                    String kind = payload.getKey();
                    Rule rule = kind.startsWith("oversized") ? Rule.NEVER_ACCEPTED
                            : kind.startsWith("NUL") || kind.equals("null element")
                            ? (declaredSucceeds ? Rule.FIELD_REFUSED : Rule.NEVER_ACCEPTED)
                            : declaredSucceeds ? Rule.NAMED_IF_400 : Rule.NO_CRASH;
                    inputs.add(new Input(field + " = " + payload.getKey(), () -> {
                        Context c = next.get();
                        JsonNode body = with(c.body(), field, payload.getValue());
                        return build(op, e, c, c.vars(), body, Map.of(), null);
                    }, rule));
                }
            }
            for (var raw : Map.of("not JSON", "{\"unterminated", "a JSON array", "[]", "JSON null", "null",
                    "empty", "", "a NUL outside strings", "{\u0000}").entrySet()) {
                inputs.add(new Input("body = " + raw.getKey(), () -> {
                    Context c = next.get();
                    return build(op, e, c, c.vars(), null, Map.of(), raw.getValue());
                }, Rule.NO_CRASH));
            }
        }

        // Query parameters, one at a time.
        for (JsonNode parameter : op.spec().path("parameters")) {
            String in = parameter.path("in").asString();
            String name = parameter.path("name").asString();
            if (in.equals("query")) {
                for (var payload : queryPayloads().entrySet()) {
                    Rule rule = payload.getKey().startsWith("NUL") ? Rule.NEVER_ACCEPTED : Rule.NO_CRASH;
                    inputs.add(new Input("?" + name + "=" + payload.getKey(), () -> {
                        Context c = next.get();
                        return build(op, e, c, c.vars(), c.body(), Map.of(name, payload.getValue()), null);
                    }, rule));
                }
            } else if (in.equals("path")) {
                for (var payload : pathPayloads().entrySet()) {
                    inputs.add(new Input("{" + name + "} = " + payload.getKey(), () -> {
                        Context c = next.get();
                        Map<String, String> vars = new LinkedHashMap<>(c.vars());
                        vars.put(name, payload.getValue());
                        return build(op, e, c, vars, c.body(), Map.of(), null);
                    }, payload.getKey().startsWith("NUL") ? Rule.NEVER_ACCEPTED : Rule.NO_CRASH));
                }
            } else if (in.equals("header")) {
                for (var payload : Map.of("NUL", NUL, "oversized", "k".repeat(10_000)).entrySet()) {
                    inputs.add(new Input(name + ": " + payload.getKey(), () -> {
                        Context c = next.get();
                        return build(op, e, c, c.vars(), c.body(), Map.of(), null).header(name, payload.getValue());
                    }, Rule.NO_CRASH));
                }
            }
        }
        // Creating POSTs take Idempotency-Key whether or not the document says so yet.
        if (op.method().equals("POST") && jsonBody) {
            for (var payload : Map.of("NUL", NUL, "oversized", "k".repeat(10_000)).entrySet()) {
                inputs.add(new Input("Idempotency-Key: " + payload.getKey(), () -> {
                    Context c = next.get();
                    return build(op, e, c, c.vars(), c.body(), Map.of(), null).header("Idempotency-Key", payload.getValue());
                }, Rule.NO_CRASH));
            }
        }

        // Multipart: broken envelopes and files that only pretend to be images.
        if (!op.spec().path("requestBody").path("content").path(MediaType.MULTIPART_FORM_DATA_VALUE).isMissingNode()) {
            String field = e.multipartField == null ? "file" : e.multipartField;
            byte[] pngThenHtml = concat(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
                    "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
            byte[] truncatedPng = java.util.Arrays.copyOf(AuthorizationMatrixIntegrationTests.png(), 40);
            Map<String, MockMultipartFile> files = new LinkedHashMap<>();
            files.put("PNG header then HTML", new MockMultipartFile(field, "a.png", "image/png", pngThenHtml));
            files.put("truncated PNG", new MockMultipartFile(field, "a.png", "image/png", truncatedPng));
            files.put("empty file", new MockMultipartFile(field, "a.png", "image/png", new byte[0]));
            files.put("wrong part name", new MockMultipartFile("avatar", "a.png", "image/png", AuthorizationMatrixIntegrationTests.png()));
            files.put("NUL file name", new MockMultipartFile(field, NUL, "image/png", AuthorizationMatrixIntegrationTests.png()));
            for (var file : files.entrySet()) {
                inputs.add(new Input(file.getKey(), () -> {
                    Context c = next.get();
                    MockMultipartHttpServletRequestBuilder r = multipart(HttpMethod.valueOf(op.method()), uri(op, c.vars(), Map.of()));
                    r.file(file.getValue());
                    return authenticate(r, e, c);
                }, file.getKey().equals("NUL file name") ? Rule.NO_CRASH : Rule.NEVER_ACCEPTED));
            }
            for (var raw : Map.of("boundary never closed", "--b\r\nContent-Disposition: form-data; name=\"" + field
                            + "\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n\u0089PNG",
                    "not multipart at all", "{\"file\":\"a\"}").entrySet()) {
                inputs.add(new Input(raw.getKey(), () -> {
                    Context c = next.get();
                    AbstractMockHttpServletRequestBuilder<?> r = request(HttpMethod.valueOf(op.method()), uri(op, c.vars(), Map.of()))
                            .contentType("multipart/form-data; boundary=b")
                            .content(raw.getValue().getBytes(StandardCharsets.ISO_8859_1));
                    return authenticate(r, e, c);
                }, Rule.NEVER_ACCEPTED));
            }
        }

        assertThat(inputs.size()).as(op.key() + ": inputs").isLessThanOrEqualTo(MAX_INPUTS_PER_OPERATION);
        List<String> failures = new ArrayList<>();
        for (Input input : inputs) {
            MockHttpServletResponse response = mvc.perform(input.request().build()).andReturn().getResponse();
            String problem = check(input, response, e.ownerStatus);
            if (problem != null) {
                failures.add(input.what() + ": " + problem);
            }
        }
        OPERATIONS.incrementAndGet();
        INPUTS.addAndGet(inputs.size() + 1);
        assertThat(failures).as(op.key() + " (declared call: " + declaredStatus + ")").isEmpty();
    }

    private String check(Input input, MockHttpServletResponse response, Integer declared) throws Exception {
        int status = response.getStatus();
        // A 5xx the matrix declares for everyone (503 platform-not-configured) is the operation's answer, not a crash.
        if (status >= 500 && !Integer.valueOf(status).equals(declared)) {
            return status + " " + abbreviate(response.getContentAsString());
        }
        if (status >= 400 && !isProblemJson(response.getContentType())) {
            return status + " as " + response.getContentType() + " instead of application/problem+json";
        }
        boolean accepted = status >= 200 && status < 300;
        return switch (input.rule()) {
            case NO_CRASH -> null;
            case NEVER_ACCEPTED -> accepted ? status + ": accepted" : null;
            case NAMED_IF_400, FIELD_REFUSED -> {
                if (status != 400) {
                    yield input.rule() == Rule.FIELD_REFUSED ? status + " instead of 400" : null;
                }
                JsonNode errors = json.readTree(response.getContentAsString()).path("errors");
                boolean named = false;
                for (JsonNode error : errors) {
                    named |= !error.path("field").asString("").isBlank();
                }
                yield named ? null : "400 without a named field: " + abbreviate(response.getContentAsString());
            }
        };
    }

    private static boolean isProblemJson(String contentType) {
        return contentType != null && MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    // ---------------------------------------------------------------------------------------------
    // Inputs
    // ---------------------------------------------------------------------------------------------

    /** Values for one body field: each of them is wrong for some field type somewhere. */
    private static Map<String, JsonNode> payloads() {
        Map<String, JsonNode> p = new LinkedHashMap<>();
        p.put("NUL string", NODES.stringNode(NUL));
        p.put("NUL array element", NODES.arrayNode().add(NUL));
        p.put("lone surrogate", NODES.stringNode("fuzz\uD800"));
        p.put("oversized string", NODES.stringNode(OVERSIZED));
        p.put("oversized array", oversizedArray());
        p.put("2^63", NODES.numberNode(BigInteger.ONE.shiftLeft(63)));
        p.put("-2^63-1", NODES.numberNode(BigInteger.ONE.shiftLeft(63).negate().subtract(BigInteger.ONE)));
        p.put("1e400", NODES.numberNode(new BigDecimal("1e400")));
        p.put("-1", NODES.numberNode(-1));
        p.put("date past PostgreSQL", NODES.stringNode("+5874898-01-01"));
        p.put("timestamp past PostgreSQL", NODES.stringNode("+294277-01-01T00:00:00Z"));
        p.put("object", NODES.objectNode().put("fuzz", true));
        p.put("null element", NODES.arrayNode().addNull());
        p.put("null", NODES.nullNode());
        p.put("boolean", NODES.booleanNode(true));
        return p;
    }

    private static ArrayNode oversizedArray() {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < 10_000; i++) {
            array.add("x" + i);
        }
        return array;
    }

    private static Map<String, String> queryPayloads() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("NUL", NUL);
        p.put("-1", "-1");
        p.put("2^64", "18446744073709551616");
        p.put("1e400", "1e400");
        p.put("date past PostgreSQL", "+5874898-01-01");
        p.put("no such date", "2026-02-30");
        p.put("oversized", "q".repeat(5_000));
        p.put("cursor not base64", "!!!");
        p.put("cursor past PostgreSQL", b64("+294277-01-01T00:00:00Z|" + UUID.randomUUID()));
        p.put("cursor before PostgreSQL", b64("-4714-01-01T00:00:00Z|" + UUID.randomUUID()));
        p.put("rank cursor past numeric", b64("followers|1E+200000|" + UUID.randomUUID()));
        p.put("cursor with nul", b64("2026-01-01T00:00:00Z|\u0000"));
        return p;
    }

    private static Map<String, String> pathPayloads() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("not a uuid", "not-a-uuid");
        p.put("NUL", "fuzz%00nul");
        p.put("encoded percent", "fuzz%25");
        p.put("oversized", "p".repeat(2_000));
        return p;
    }

    private static String b64(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Field paths to break: those of the example body and of the schema, one level into arrays and objects. */
    private Set<String> fieldPaths(JsonNode doc, JsonNode schema, JsonNode example) {
        Set<String> paths = new LinkedHashSet<>();
        collect(doc, schema, example, "", paths, 0);
        return paths;
    }

    private void collect(JsonNode doc, JsonNode schema, JsonNode example, String prefix, Set<String> paths, int depth) {
        Set<String> names = new LinkedHashSet<>();
        if (example != null && example.isObject()) {
            example.propertyNames().forEach(names::add);
        }
        schema.path("properties").propertyNames().forEach(names::add);
        for (String name : names) {
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            paths.add(path);
            if (depth >= 1) {
                continue;
            }
            JsonNode property = resolve(doc, schema.path("properties").path(name));
            JsonNode value = example == null ? null : example.get(name);
            if (value != null && value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
                collect(doc, resolve(doc, property.path("items")), value.get(0), path + "[0]", paths, depth + 1);
            } else if (value != null && value.isObject()) {
                collect(doc, property, value, path, paths, depth + 1);
            }
        }
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 5 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asString();
            current = doc.at(ref.substring(1));
        }
        if (current.has("allOf") && current.get("allOf").size() == 1) {
            return resolve(doc, current.get("allOf").get(0));
        }
        return current;
    }

    /** A copy of {@code body} with the value at {@code path} ({@code a.b}, {@code a[0].b}) replaced. */
    private JsonNode with(JsonNode body, String path, JsonNode value) {
        ObjectNode copy = body != null && body.isObject() ? (ObjectNode) body.deepCopy() : NODES.objectNode();
        JsonNode node = copy;
        String[] segments = path.split("\\.");
        for (int i = 0; i < segments.length - 1; i++) {
            node = step(node, segments[i]);
        }
        String last = segments[segments.length - 1];
        if (node instanceof ObjectNode object) {
            object.set(last, value);
        }
        return copy;
    }

    private static JsonNode step(JsonNode node, String segment) {
        int bracket = segment.indexOf('[');
        if (bracket < 0) {
            return node.path(segment);
        }
        return node.path(segment.substring(0, bracket)).path(Integer.parseInt(segment.substring(bracket + 1, segment.length() - 1)));
    }

    // ---------------------------------------------------------------------------------------------
    // Callers, fixtures and requests
    // ---------------------------------------------------------------------------------------------

    /** Who calls an operation: the first persona its declaration allows. */
    private enum Persona {
        MARKETER(Set.of("marketer")), INFLUENCER(Set.of("influencer")), OPERATOR(Set.of("marketer", "operator")),
        FINANCE(Set.of("marketer", "finance")), ADMIN(Set.of("marketer", "admin"));

        final Set<String> roles;

        Persona(Set<String> roles) {
            this.roles = roles;
        }

        static Persona allowedBy(Expectation e) {
            for (Persona p : values()) {
                if (e.allows(p.roles)) {
                    return p;
                }
            }
            throw new IllegalStateException("no persona may call this operation");
        }
    }

    private record Context(Account caller, Map<String, String> vars, JsonNode body) {
    }

    private final Map<Persona, Account> callers = new java.util.EnumMap<>(Persona.class);

    /** A caller of the persona with a new fixture of the operation and its example body. */
    private Context context(Persona persona, Expectation e) throws Exception {
        Account caller = callers.get(persona);
        if (caller == null || e.consumesCaller) {
            caller = account(persona);
            if (!e.consumesCaller) {
                callers.put(persona, caller);
            }
        }
        Map<String, String> vars = e.fixture == null ? Map.of() : e.fixture.create(caller);
        Object body = e.body.build(caller, vars);
        JsonNode jsonBody = body instanceof byte[] ? null : json.valueToTree(body);
        return new Context(caller, vars, jsonBody);
    }

    private Account account(Persona persona) throws Exception {
        return switch (persona) {
            case MARKETER -> marketer();
            case INFLUENCER -> influencer();
            default -> staff(persona.name().toLowerCase(Locale.ROOT));
        };
    }

    private AbstractMockHttpServletRequestBuilder<?> build(Operation op, Expectation e, Context c, Map<String, String> vars,
                                                JsonNode body, Map<String, String> query, String rawBody) throws Exception {
        URI uri = uri(op, vars, query);
        AbstractMockHttpServletRequestBuilder<?> r;
        if (!op.spec().path("requestBody").path("content").path(MediaType.MULTIPART_FORM_DATA_VALUE).isMissingNode()) {
            MockMultipartHttpServletRequestBuilder m = multipart(HttpMethod.valueOf(op.method()), uri);
            m.file(new MockMultipartFile(e.multipartField == null ? "file" : e.multipartField, "a.png", "image/png",
                    (byte[]) e.body.build(c.caller(), vars)));
            r = m;
        } else {
            r = request(HttpMethod.valueOf(op.method()), uri);
            if (rawBody != null) {
                r.contentType(MediaType.APPLICATION_JSON).content(rawBody.getBytes(StandardCharsets.UTF_8));
            } else if (!op.spec().path("requestBody").isMissingNode()) {
                r.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(body == null ? NODES.objectNode() : body));
            }
        }
        return authenticate(r, e, c);
    }

    private static AbstractMockHttpServletRequestBuilder<?> authenticate(AbstractMockHttpServletRequestBuilder<?> r, Expectation e, Context c) {
        if (e.audience != Expectation.Audience.PUBLIC) {
            r.header("Authorization", c.caller().bearer());
        }
        // Each input from its own address: per-client login limits must not turn the run into 429s.
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
        return r.with(req -> {
            req.setRemoteAddr(address);
            return req;
        });
    }

    /** The path with its variables and query already percent-encoded: payloads such as %00 go as written. */
    private static URI uri(Operation op, Map<String, String> vars, Map<String, String> query) {
        String path = op.path();
        for (JsonNode parameter : op.spec().path("parameters")) {
            if (parameter.path("in").asString().equals("path")) {
                String name = parameter.path("name").asString();
                String value = vars.getOrDefault(name, UUID.randomUUID().toString());
                path = path.replace("{" + name + "}", value);
            }
        }
        StringBuilder uri = new StringBuilder(path);
        char separator = '?';
        for (var q : query.entrySet()) {
            uri.append(separator).append(q.getKey()).append('=').append(URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return URI.create(uri.toString());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
