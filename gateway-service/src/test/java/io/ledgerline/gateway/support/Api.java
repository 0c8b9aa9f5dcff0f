package io.ledgerline.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;

import io.ledgerline.testsupport.auth.TestTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Plain HTTP calls to the running gateway, and OpenAI SDK clients pointed at it: {@code /v1} on its
 * public port, the management API on its management listener with a bearer token.
 */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** A token that opens every door of the management API this module's tests walk through. */
    public static final String[] MANAGEMENT_SCOPES = {"gateway.read", "gateway.keys"};

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final java.time.Duration CALL_TIMEOUT = java.time.Duration.ofSeconds(30);

    private final int publicPort;
    private final int managementPort;
    private final String authorization;

    /** {@code /v1} to {@code publicPort}; the rest to {@code managementPort}, fully authorized. */
    public Api(int publicPort, int managementPort) {
        this(publicPort, managementPort, TestTokens.bearer(MANAGEMENT_SCOPES));
    }

    private Api(int publicPort, int managementPort, String authorization) {
        this.publicPort = publicPort;
        this.managementPort = managementPort;
        this.authorization = authorization;
    }

    /** The same gateway, management calls with this {@code Authorization} (null: none). */
    public Api authorizedAs(String authorization) {
        return new Api(publicPort, managementPort, authorization);
    }

    /** The same gateway, management calls sent to {@code port} instead (e.g. the public one). */
    public Api managementCallsTo(int port) {
        return new Api(publicPort, port, authorization);
    }

    public record Reply(int status, JsonNode body, String raw, HttpResponse<String> response) {

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    public Reply post(String path, Object body) {
        return send(
                management(path)
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    public Reply put(String path, Object body) {
        return send(
                management(path)
                        .header("content-type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    public Reply get(String path) {
        return send(management(path).GET());
    }

    /** An OpenAI-style call with a bearer key and extra headers (e.g. Origin). */
    public Reply openAi(String path, String key, String body, Map<String, String> headers) {
        var request =
                HttpRequest.newBuilder(uri(publicPort, path))
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
                .baseUrl("http://127.0.0.1:" + publicPort + "/v1")
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

    private HttpRequest.Builder management(String path) {
        var request = HttpRequest.newBuilder(uri(managementPort, path));
        if (authorization != null) {
            request.header("authorization", authorization);
        }
        return request;
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
