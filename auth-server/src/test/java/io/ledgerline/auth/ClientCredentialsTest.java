package io.ledgerline.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledgerline.auth.issuer=http://issuer.test",
            "ledgerline.auth.clients.gateway.secret=gateway-secret",
            "ledgerline.auth.clients.billing.secret=billing-secret"
        })
class ClientCredentialsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;

    @Test
    void a_service_gets_a_token_for_the_scopes_it_may_have_addressed_to_their_service()
            throws Exception {
        var response = token("gateway", "gateway-secret", "ledger.read ledger.reserve");

        assertThat(response.statusCode()).isEqualTo(200);
        var claims = claims(JSON.readTree(response.body()).path("access_token").asText());
        assertThat(claims.path("iss").asText()).isEqualTo("http://issuer.test");
        assertThat(claims.path("sub").asText()).isEqualTo("gateway");
        assertThat(claims.path("aud").asText()).isEqualTo("ledger");
        assertThat(claims.path("scope").toString()).contains("ledger.read", "ledger.reserve");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(600);
    }

    @Test
    void a_scope_the_client_was_not_given_is_refused_least_privilege() throws Exception {
        var response = token("gateway", "gateway-secret", "ledger.credits");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_scope");
    }

    @Test
    void a_wrong_secret_an_unknown_client_or_a_client_without_a_secret_gets_nothing()
            throws Exception {
        assertThat(token("gateway", "billing-secret", "ledger.read").statusCode()).isEqualTo(401);
        assertThat(token("mallory", "x", "ledger.read").statusCode()).isEqualTo(401);
        // The portal has no secret in this configuration: it is not registered at all.
        var unregistered = token("portal", "", "ledger.read");
        assertThat(unregistered.statusCode()).isIn(400, 401);
        assertThat(unregistered.body()).doesNotContain("access_token");
    }

    @Test
    void the_public_key_set_and_health_are_open_everything_else_is_not() throws Exception {
        assertThat(get("/oauth2/jwks").body()).contains("\"kty\":\"RSA\"");
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/env").statusCode()).isEqualTo(401);
        assertThat(get("/anything").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> token(String client, String secret, String scope)
            throws Exception {
        var basic =
                Base64.getEncoder()
                        .encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/token"))
                        .header("authorization", "Basic " + basic)
                        .header("content-type", "application/x-www-form-urlencoded")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "grant_type=client_credentials&scope="
                                                + URLEncoder.encode(scope, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode claims(String jwt) throws Exception {
        var payload = jwt.split("\\.")[1];
        return JSON.readTree(Base64.getUrlDecoder().decode(payload));
    }
}
