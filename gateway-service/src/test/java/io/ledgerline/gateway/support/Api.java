package io.ledgerline.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Plain HTTP calls to the running gateway, and OpenAI SDK clients pointed at it. */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final java.time.Duration CALL_TIMEOUT = java.time.Duration.ofSeconds(30);

    private final int port;

    public Api(int port) {
        this.port = port;
    }

    public record Reply(int status, JsonNode body, String raw, HttpResponse<String> response) {

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    public Reply post(String path, Object body) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    public Reply put(String path, Object body) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("content-type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** An OpenAI-style call with a bearer key and extra headers (e.g. Origin). */
    public Reply openAi(String path, String key, String body, Map<String, String> headers) {
        var request =
                HttpRequest.newBuilder(uri(path))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("authorization", "Bearer " + key);
        }
        headers.forEach(request::header);
        return send(request);
    }

    public OpenAIClient sdk(String key) {
        return OpenAIOkHttpClient.builder()
                .apiKey(key)
                .baseUrl("http://127.0.0.1:" + port + "/v1")
                .maxRetries(0)
                .build();
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            var response =
                    HTTP.send(
                            request.timeout(CALL_TIMEOUT).build(),
                            HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            if (response.body() != null
                    && !response.body().isBlank()
                    && !response.body().startsWith("data:")) {
                body = JSON.readTree(response.body());
            }
            return new Reply(response.statusCode(), body, response.body(), response);
        } catch (Exception e) {
            throw new IllegalStateException("call failed", e);
        }
    }

    private static String json(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
