package io.ledgerline.testsupport.auth;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens for tests, from the real authorization server by client credentials, as a service
 * gets them. {@link #bearer(String...)} asks the operator client for exactly the scopes given;
 * tokens are kept per scope set (they live ten minutes, longer than a module's tests take to need
 * them again).
 */
public final class TestTokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private TestTokens() {}

    /** {@code "Bearer <jwt>"} for a token holding exactly these scopes. */
    public static String bearer(String... scopes) {
        return "Bearer " + token(scopes);
    }

    public static String token(String... scopes) {
        var key = String.join(" ", new TreeSet<>(Arrays.asList(scopes)));
        return CACHE.computeIfAbsent(key, k -> issue("operator", k));
    }

    /** A fresh token for {@code client}, asking for {@code scopes} (space separated). */
    public static String issue(String client, String scopes) {
        var server = TestAuthorizationServer.get();
        var basic =
                Base64.getEncoder()
                        .encodeToString(
                                (client + ":" + server.clientSecret())
                                        .getBytes(StandardCharsets.UTF_8));
        var form =
                "grant_type=client_credentials&scope="
                        + URLEncoder.encode(scopes, StandardCharsets.UTF_8);
        var request =
                HttpRequest.newBuilder(URI.create(server.url() + "/oauth2/token"))
                        .header("authorization", "Basic " + basic)
                        .header("content-type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build();
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "No token for " + client + " [" + scopes + "]: " + response.body());
            }
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
