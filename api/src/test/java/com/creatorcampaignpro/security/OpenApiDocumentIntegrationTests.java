package com.creatorcampaignpro.security;

import com.creatorcampaignpro.testing.ApiIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Lints /v3/api-docs against what the API really does, so clients generated from it work: no
 * parameter a client cannot or need not send, public operations without a security requirement
 * (and protected ones with it), the upload's multipart {@code file} part, every error response as
 * application/problem+json, and size limits or enums on the text and arrays clients send.
 */
class OpenApiDocumentIntegrationTests extends ApiIntegrationTest {
    /** Required query or header parameters the API really needs; none today. */
    private static final Set<String> REQUIRED_NON_PATH_PARAMETERS = Set.of();
    private static final Set<String> BOUNDED_FORMATS = Set.of("date", "date-time", "uuid", "binary", "email", "uri");

    private JsonNode doc;

    @BeforeEach
    void readDocument() throws Exception {
        doc = readJson(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()));
    }

    @Test
    void everyParameterIsOneTheClientSendsAndPathVariablesMatchTheTemplate() {
        List<String> failures = new ArrayList<>();
        forEachOperation((key, path, operation) -> {
            Set<String> template = new TreeSet<>();
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path);
            while (m.find()) {
                template.add(m.group(1));
            }
            Set<String> declaredPath = new TreeSet<>();
            for (JsonNode parameter : operation.path("parameters")) {
                String name = parameter.path("name").asString();
                String in = parameter.path("in").asString();
                if (name.equalsIgnoreCase("caller") || parameter.path("schema").path("$ref").asString("").endsWith("/Caller")) {
                    failures.add(key + ": documents the caller as parameter " + name);
                }
                if (in.equals("path")) {
                    declaredPath.add(name);
                } else if (parameter.path("required").asBoolean(false) && !REQUIRED_NON_PATH_PARAMETERS.contains(key + " " + name)) {
                    failures.add(key + ": required " + in + " parameter " + name + " that the API does not need");
                }
            }
            if (!declaredPath.equals(template)) {
                failures.add(key + ": path parameters " + declaredPath + " but the template has " + template);
            }
            if (operation.path("requestBody").path("content").path("application/json").path("schema")
                    .path("$ref").asString("").endsWith("/Caller")) {
                failures.add(key + ": request body documented as Caller");
            }
        });
        assertThat(failures).isEmpty();
    }

    @Test
    void publicOperationsNeedNoTokenAndTheOthersDo() {
        Map<String, Expectation> expectations = AuthorizationMatrixIntegrationTests.expectations(this);
        List<String> failures = new ArrayList<>();
        forEachOperation((key, path, operation) -> {
            Expectation e = expectations.get(key);
            boolean declaredPublic = e != null && e.audience == Expectation.Audience.PUBLIC;
            JsonNode security = operation.get("security");
            boolean documentedPublic = security != null && security.isArray() && security.isEmpty();
            if (declaredPublic != documentedPublic) {
                failures.add(key + (declaredPublic ? " is public but documents a security requirement"
                        : " needs a token but documents none"));
            }
        });
        assertThat(failures).isEmpty();
    }

    @Test
    void theAvatarUploadIsMultipartWithItsFilePart() {
        JsonNode body = doc.path("paths").path("/api/users/upload-avatar").path("post").path("requestBody").path("content");
        JsonNode schema = resolve(body.path("multipart/form-data").path("schema"));
        assertThat(schema.path("properties").path("file").path("format").asString("")).isEqualTo("binary");
        assertThat(body.has("application/json")).isFalse();
    }

    @Test
    void everyErrorResponseIsProblemJson() {
        List<String> failures = new ArrayList<>();
        forEachOperation((key, path, operation) -> {
            if (!operation.path("responses").has("400") && (operation.has("requestBody") || operation.has("parameters"))) {
                failures.add(key + ": no 400 documented although it reads input");
            }
            for (var response : operation.path("responses").properties()) {
                if (!response.getKey().startsWith("4") && !response.getKey().startsWith("5")) {
                    continue;
                }
                Set<String> types = new LinkedHashSet<>(response.getValue().path("content").propertyNames());
                if (!types.equals(Set.of("application/problem+json"))) {
                    failures.add(key + " " + response.getKey() + ": " + types);
                }
            }
        });
        assertThat(failures).isEmpty();
    }

    @Test
    void textAndArraysClientsSendHaveDocumentedBounds() {
        Set<String> failures = new TreeSet<>();
        forEachOperation((key, path, operation) -> {
            for (var content : operation.path("requestBody").path("content").properties()) {
                bounds(key, "body", content.getValue().path("schema"), failures, 0);
            }
            for (JsonNode parameter : operation.path("parameters")) {
                bounds(key, parameter.path("name").asString(), parameter.path("schema"), failures, 0);
            }
        });
        assertThat(failures).as("text or arrays without documented bounds").isEmpty();
    }

    /** Every amount and currency a client sends carries ccp.money.*: the maximum and the supported list. */
    @Test
    void moneyInputsDocumentTheConfiguredMaximumAndCurrencies() {
        List<String> currencies = List.of("USD", "EUR", "GBP", "CAD", "AUD");
        Map<String, List<String>> moneyFields = Map.of(
                "CampaignRequest", List.of("budget", "currency"),
                "InviteRequest", List.of("rateAmount", "currency"),
                "RateRequest", List.of("amount", "currency"));
        moneyFields.forEach((schemaName, fields) -> {
            JsonNode properties = doc.path("components").path("schemas").path(schemaName).path("properties");
            JsonNode amount = properties.path(fields.get(0));
            assertThat(amount.path("maximum").asLong()).as(schemaName + "." + fields.get(0)).isEqualTo(10_000_000_000L);
            assertThat(amount.path("minimum").asLong(-1)).as(schemaName + "." + fields.get(0)).isZero();
            List<String> listed = new ArrayList<>();
            properties.path(fields.get(1)).path("enum").forEach(v -> listed.add(v.asString()));
            assertThat(listed).as(schemaName + "." + fields.get(1)).isEqualTo(currencies);
        });
    }

    private void bounds(String key, String where, JsonNode schemaOrRef, Set<String> failures, int depth) {
        JsonNode schema = resolve(schemaOrRef);
        if (depth > 6 || schema.isMissingNode()) {
            return;
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asString("") : schema.path("type").asString("");
        switch (type) {
            case "string" -> {
                if (!schema.has("maxLength") && !schema.has("enum") && !BOUNDED_FORMATS.contains(schema.path("format").asString(""))) {
                    failures.add(key + " " + where + ": text without maxLength or enum");
                }
            }
            case "array" -> {
                if (!schema.has("maxItems")) {
                    failures.add(key + " " + where + ": array without maxItems");
                }
                bounds(key, where + "[]", schema.path("items"), failures, depth + 1);
            }
            default -> {
                for (var property : schema.path("properties").properties()) {
                    bounds(key, where + "." + property.getKey(), property.getValue(), failures, depth + 1);
                }
                if (schema.path("additionalProperties").isObject()) {
                    bounds(key, where + ".*", schema.path("additionalProperties"), failures, depth + 1);
                }
            }
        }
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 5 && current.has("$ref"); i++) {
            current = doc.at(current.get("$ref").asString().substring(1));
        }
        return current;
    }

    @FunctionalInterface
    private interface OperationVisitor {
        void visit(String key, String path, JsonNode operation);
    }

    private void forEachOperation(OperationVisitor visitor) {
        for (var path : doc.path("paths").properties()) {
            for (var method : path.getValue().properties()) {
                if (Set.of("get", "put", "post", "delete", "patch").contains(method.getKey())) {
                    visitor.visit(method.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), path.getKey(),
                            method.getValue());
                }
            }
        }
    }
}
