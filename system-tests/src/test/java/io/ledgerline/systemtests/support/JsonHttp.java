package io.ledgerline.systemtests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A plain JSON-over-HTTP client for the services' REST APIs, as a script would call them: with the
 * {@code Authorization} header its supplier gives (none when it gives null), unless a call sets its
 * own.
 */
public class JsonHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final String AUTHORIZATION = "Authorization";

    private final String baseUrl;
    private final Supplier<String> authorization;

    JsonHttp(String baseUrl, Supplier<String> authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** Calls without credentials: what a caller without a token gets. */
    JsonHttp(String baseUrl) {
        this(baseUrl, () -> null);
    }

    /** One answer: status, parsed body (missing when not JSON), raw text, headers. */
    public record Reply(int status, JsonNode body, String raw, HttpHeaders headers) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }

    /** Where this client's paths start. */
    public String baseUrl() {
        return baseUrl;
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), Map.of());
    }

    public Reply post(String path, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).POST(json(body)), Map.of());
    }

    public Reply put(String path, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).PUT(json(body)), Map.of());
    }

    public Reply post(String path, String rawBody, Map<String, String> headers) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .POST(HttpRequest.BodyPublishers.ofString(rawBody)),
                headers);
    }

    private Reply send(HttpRequest.Builder builder, Map<String, String> headers) {
        builder.timeout(TIMEOUT).header("Content-Type", "application/json");
        var ownAuthorization = headers.keySet().stream().anyMatch(AUTHORIZATION::equalsIgnoreCase);
        var bearer = ownAuthorization ? null : authorization.get();
        if (bearer != null) {
            builder.header(AUTHORIZATION, bearer);
        }
        headers.forEach(builder::header);
        try {
            var response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    response.statusCode(),
                    parse(response.body()),
                    response.body(),
                    response.headers());
        } catch (IOException e) {
            throw new IllegalStateException("call to " + baseUrl + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + body, e);
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
