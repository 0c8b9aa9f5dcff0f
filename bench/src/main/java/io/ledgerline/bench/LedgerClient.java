package io.ledgerline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/** The few calls of the ledger's REST API (docs/ledger-api.md) the benchmark makes. */
final class LedgerClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(CONNECT_TIMEOUT)
                    .executor(
                            Executors.newFixedThreadPool(
                                    4,
                                    runnable -> {
                                        var thread = new Thread(runnable, "bench-http");
                                        thread.setDaemon(true);
                                        return thread;
                                    }))
                    .build();
    private final URI base;
    private final AccessTokens tokens;

    LedgerClient(URI base, AccessTokens tokens) {
        this.base = base;
        this.tokens = tokens;
    }

    /**
     * The answer to one batch: how many commands were posted, how many were refused by code, and
     * the first refusal's detail (or the body of a non-200 answer).
     */
    record BatchAnswer(
            int status,
            int posted,
            int refused,
            Map<String, Integer> refusals,
            String firstRefusal) {

        boolean accepted() {
            return status == 200;
        }
    }

    BatchAnswer postBatch(List<ObjectNode> commands) throws IOException, InterruptedException {
        var body = JSON.createObjectNode();
        body.putArray("commands").addAll(commands);
        var response =
                http.send(post("/api/v1/batches", body), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            return new BatchAnswer(
                    response.statusCode(),
                    0,
                    0,
                    Map.of(),
                    new String(response.body(), StandardCharsets.UTF_8));
        }
        JsonNode answer = JSON.readTree(response.body());
        int refused = answer.path("refused").asInt();
        var refusals = new TreeMap<String, Integer>();
        String first = null;
        if (refused > 0) {
            for (JsonNode result : answer.path("results")) {
                if (!"POSTED".equals(result.path("outcome").asText())) {
                    String code = result.path("rejection").asText();
                    refusals.merge(code, 1, Integer::sum);
                    first = first != null ? first : code + ": " + result.path("detail").asText();
                }
            }
        }
        return new BatchAnswer(200, answer.path("posted").asInt(), refused, refusals, first);
    }

    CompletableFuture<HttpResponse<Void>> postUsage(String accountId, ObjectNode body) {
        String path =
                "/api/v1/accounts/"
                        + URLEncoder.encode(accountId, StandardCharsets.UTF_8)
                        + "/usage";
        return http.sendAsync(post(path, body), HttpResponse.BodyHandlers.discarding());
    }

    boolean healthy() {
        var request =
                HttpRequest.newBuilder(base.resolve("/actuator/health"))
                        .timeout(CONNECT_TIMEOUT)
                        .GET()
                        .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpRequest post(String path, ObjectNode body) {
        try {
            var request =
                    HttpRequest.newBuilder(base.resolve(path))
                            .timeout(REQUEST_TIMEOUT)
                            .header("Content-Type", "application/json");
            var authorization = tokens.authorization();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return request.POST(
                            HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a request body", e);
        }
    }
}
