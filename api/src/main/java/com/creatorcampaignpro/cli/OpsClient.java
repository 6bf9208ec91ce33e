package com.creatorcampaignpro.cli;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * HTTP to the platform with the stored tokens. An expired access token is refreshed once with the
 * refresh token (rotation: the new pair is saved) and the request repeated.
 */
final class OpsClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String baseUrl;
    private final Path credentialsFile;

    OpsClient(String baseUrl, Path credentialsFile) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.credentialsFile = credentialsFile;
    }

    /** A non-2xx answer, carrying the problem+json body when there is one. */
    static final class ApiError extends RuntimeException {
        final int status;
        final JsonNode problem;

        ApiError(int status, JsonNode problem, String message) {
            super(message);
            this.status = status;
            this.problem = problem;
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    Credentials login(String email, String password) {
        JsonNode tokens = send("POST", "/api/auth/login", Map.of("email", email, "password", password), null);
        Credentials credentials = new Credentials(baseUrl, email, tokens.get("accessToken").asString(),
                tokens.get("refreshToken").asString());
        credentials.save(credentialsFile);
        return credentials;
    }

    void logout() {
        Credentials.load(credentialsFile).ifPresent(c -> {
            try {
                send("POST", "/api/auth/logout", Map.of("refreshToken", c.refreshToken()), null);
            } catch (ApiError ignored) {
                // already expired or revoked: forgetting it locally is all that is left
            }
        });
        try {
            java.nio.file.Files.deleteIfExists(credentialsFile);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    JsonNode get(String path) {
        return authorized("GET", path, null);
    }

    JsonNode post(String path, Object body) {
        return authorized("POST", path, body);
    }

    JsonNode put(String path, Object body) {
        return authorized("PUT", path, body);
    }

    /**
     * Streams a GET answer (e.g. the payout CSV) into {@code target}, refreshing an expired token once
     * as {@link #get} does; returns the bytes written. A refusal leaves no file behind.
     */
    long download(String path, java.nio.file.Path target) {
        Credentials credentials = Credentials.load(credentialsFile)
                .orElseThrow(() -> new ApiError(401, null, "not logged in: run  ccp login EMAIL"));
        for (int round = 0; ; round++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(30))
                    .header("Accept", "text/csv, application/problem+json")
                    .header("Authorization", "Bearer " + credentials.accessToken()).GET().build();
            HttpResponse<java.nio.file.Path> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofFile(target));
            } catch (ConnectException e) {
                throw new ApiError(0, null, "cannot reach " + baseUrl + ": is the platform running? (set CCP_URL to point elsewhere)");
            } catch (IOException e) {
                throw new ApiError(0, null, "download from " + baseUrl + " failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiError(0, null, "interrupted");
            }
            try {
                if (response.statusCode() / 100 == 2) {
                    return java.nio.file.Files.size(target);
                }
                String body = java.nio.file.Files.readString(target);
                java.nio.file.Files.deleteIfExists(target);
                if (response.statusCode() == 401 && round == 0) {
                    JsonNode tokens;
                    try {
                        tokens = send("POST", "/api/auth/refresh", Map.of("refreshToken", credentials.refreshToken()), null);
                    } catch (ApiError e) {
                        throw new ApiError(401, e.problem, "your session has ended: run  ccp login " + credentials.email());
                    }
                    credentials = credentials.withTokens(tokens.get("accessToken").asString(), tokens.get("refreshToken").asString());
                    credentials.save(credentialsFile);
                    continue;
                }
                JsonNode problem = body.isBlank() ? null : readOrNull(body);
                throw new ApiError(response.statusCode(), problem, problem != null && problem.hasNonNull("detail")
                        ? problem.get("detail").asString() : "HTTP " + response.statusCode());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private JsonNode authorized(String method, String path, Object body) {
        Credentials credentials = Credentials.load(credentialsFile)
                .orElseThrow(() -> new ApiError(401, null, "not logged in: run  ccp login EMAIL"));
        try {
            return send(method, path, body, credentials.accessToken());
        } catch (ApiError e) {
            if (e.status != 401) {
                throw e;
            }
        }
        Credentials refreshed;
        try {
            JsonNode tokens = send("POST", "/api/auth/refresh", Map.of("refreshToken", credentials.refreshToken()), null);
            refreshed = credentials.withTokens(tokens.get("accessToken").asString(), tokens.get("refreshToken").asString());
        } catch (ApiError e) {
            throw new ApiError(401, e.problem, "your session has ended: run  ccp login " + credentials.email());
        }
        refreshed.save(credentialsFile);
        return send(method, path, body, refreshed.accessToken());
    }

    private JsonNode send(String method, String path, Object body, String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new ApiError(0, null, "cannot reach " + baseUrl + ": is the platform running? (set CCP_URL to point elsewhere)");
        } catch (IOException e) {
            throw new ApiError(0, null, "request to " + baseUrl + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError(0, null, "interrupted");
        }
        JsonNode parsed = response.body() == null || response.body().isBlank() ? json.createObjectNode()
                : readOrNull(response.body());
        if (response.statusCode() / 100 != 2) {
            String detail = parsed != null && parsed.hasNonNull("detail") ? parsed.get("detail").asString()
                    : "HTTP " + response.statusCode();
            throw new ApiError(response.statusCode(), parsed, detail);
        }
        return parsed == null ? json.createObjectNode() : parsed;
    }

    private JsonNode readOrNull(String body) {
        try {
            return json.readTree(body);
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
