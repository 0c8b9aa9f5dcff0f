package io.ledgerline.portal.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One person's browser against the portal: its own cookie jar, JSON in and out. */
public final class PortalBrowser {

    public record Reply(int status, String contentType, JsonNode body) {

        public String code() {
            return body == null ? null : body.path("code").asText(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public PortalBrowser(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.http =
                HttpClient.newBuilder()
                        .cookieHandler(cookies)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
    }

    public Reply signIn(String email, String password) {
        return send(
                "POST",
                "/api/portal/session",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply post(String path, Object body) {
        try {
            return send("POST", path, JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A POST with any content type and body, as a careless or hostile client would send. */
    public Reply postRaw(String path, String contentType, String body) {
        return send("POST", path, body, contentType);
    }

    /** A PUT of a JSON body as given, well-formed or not. */
    public Reply putRaw(String path, String body) {
        return send("PUT", path, body);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    /** Sends {@code value} as the session cookie, as someone who copied it would. */
    public void useSessionCookie(String value) {
        var cookie = new java.net.HttpCookie("LEDGERLINE_PORTAL", value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(baseUrl), cookie);
    }

    public String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("LEDGERLINE_PORTAL"))
                .map(java.net.HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    private Reply send(String method, String path, String json) {
        return send(method, path, json, "application/json");
    }

    private Reply send(String method, String path, String json, String contentType) {
        var request =
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(Duration.ofSeconds(20))
                        .method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", contentType);
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            var text = response.body();
            return new Reply(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    text == null || text.isBlank() ? null : JSON.readTree(text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
