package io.ledgerline.bench.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.ledgerline.bench.AccessTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * JSON over java.net.http for set-up and ledger commands (not on any measured hot path), with the
 * operator's token: the ledger and the gateway's management API are internal.
 */
public final class JsonHttp {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final AccessTokens tokens;

    public JsonHttp(AccessTokens tokens) {
        this.tokens = tokens;
    }

    private final HttpClient client =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    public Answer send(String method, String url, Object body)
            throws IOException, InterruptedException {
        var builder =
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json");
        var authorization = tokens.authorization();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        var publisher =
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        var response =
                client.send(
                        builder.method(method, publisher).build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json =
                    response.body().isBlank()
                            ? MissingNode.getInstance()
                            : JSON.readTree(response.body());
        } catch (IOException e) {
            json = MissingNode.getInstance();
        }
        return new Answer(response.statusCode(), json, response.body());
    }

    public record Answer(int status, JsonNode json, String text) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }
}
