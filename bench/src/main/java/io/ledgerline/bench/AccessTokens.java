package io.ledgerline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The operator's access token for the bench's calls, by client credentials against the
 * authorization server the bench started; renewed a minute before it expires, so a long run never
 * sends an expired one. The secret comes from the environment ({@code
 * LEDGERLINE_AUTH_CLIENT_SECRET}), never from the command line. Without an authorization server
 * ({@code --auth-url} empty) no token is sent.
 */
public final class AccessTokens {

    public static final String SECRET_VARIABLE = "LEDGERLINE_AUTH_CLIENT_SECRET";
    private static final String CLIENT = "operator";
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI tokenUri;
    private final String scopes;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile String bearer;
    private volatile Instant renewAt = Instant.MIN;

    private AccessTokens(String authUrl, String... scopes) {
        this.tokenUri = authUrl.isBlank() ? null : URI.create(authUrl + "/oauth2/token");
        this.scopes = String.join(" ", scopes);
    }

    public static AccessTokens from(String authUrl, String... scopes) {
        return new AccessTokens(authUrl, scopes);
    }

    /** {@code "Bearer <jwt>"}, or null when the bench runs without an authorization server. */
    public String authorization() {
        if (tokenUri == null) {
            return null;
        }
        if (Instant.now().isAfter(renewAt)) {
            renew();
        }
        return bearer;
    }

    private synchronized void renew() {
        if (!Instant.now().isAfter(renewAt)) {
            return;
        }
        var secret = System.getenv(SECRET_VARIABLE);
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException(
                    SECRET_VARIABLE + " (the operator's secret) is not set");
        }
        var basic =
                Base64.getEncoder()
                        .encodeToString((CLIENT + ":" + secret).getBytes(StandardCharsets.UTF_8));
        var request =
                HttpRequest.newBuilder(tokenUri)
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "grant_type=client_credentials&scope="
                                                + URLEncoder.encode(
                                                        scopes, StandardCharsets.UTF_8)))
                        .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "no token from " + tokenUri + " for [" + scopes + "]: " + response.body());
            }
            var answer = JSON.readTree(response.body());
            var issuedAt = Instant.now();
            bearer = "Bearer " + answer.path("access_token").asText();
            renewAt =
                    issuedAt.plusSeconds(answer.path("expires_in").asLong(300))
                            .minus(RENEW_BEFORE_EXPIRY);
        } catch (IOException e) {
            throw new IllegalStateException("the authorization server did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
