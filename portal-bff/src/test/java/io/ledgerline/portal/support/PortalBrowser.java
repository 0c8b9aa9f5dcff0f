package io.ledgerline.portal.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One person's browser against the portal: its own cookie jar, JSON in and out, and the SPA's CSRF
 * habit (fetch a token when there is no {@code XSRF-TOKEN} cookie, send it as {@code X-XSRF-TOKEN}
 * on every state-changing request). Each browser comes from an address of its own ({@code
 * X-Forwarded-For}, which the tests' portal trusts from localhost as it would from its proxy), so
 * one test's failed sign-ins never throttle another's.
 */
public final class PortalBrowser {

    public record Reply(int status, String contentType, JsonNode body, HttpHeaders headers) {

        public String code() {
            return body == null ? null : body.path("code").asText(null);
        }

        /** The {@code Set-Cookie} header that sets {@code name}, as the portal wrote it. */
        public String setCookie(String name) {
            return headers.allValues("Set-Cookie").stream()
                    .filter(header -> header.startsWith(name + "="))
                    .findFirst()
                    .orElse(null);
        }
    }

    public static final String SESSION_COOKIE = "LEDGERLINE_PORTAL";
    public static final String CSRF_COOKIE = "XSRF-TOKEN";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final List<String> READS = List.of("GET", "HEAD", "OPTIONS");

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String address;
    private boolean sendsCsrfToken = true;

    public PortalBrowser(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.http =
                HttpClient.newBuilder()
                        .cookieHandler(cookies)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
        var n = ADDRESSES.incrementAndGet();
        // 198.18.0.0/15 is for benchmarks: never a real client, never one of Tomcat's proxies.
        this.address = "198.18." + (n / 256 % 256) + "." + (n % 256);
    }

    /** From now on this browser's requests come from {@code address}. */
    public PortalBrowser from(String address) {
        this.address = address;
        return this;
    }

    /** From now on this browser sends no CSRF token, as a forged cross-site request would not. */
    public PortalBrowser withoutCsrfToken() {
        this.sendsCsrfToken = false;
        return this;
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

    /** A GET whose answer is not JSON (an export): the status and the text as sent. */
    public Text getText(String path) {
        var request =
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(Duration.ofSeconds(20))
                        .header("X-Forwarded-For", address)
                        .GET()
                        .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Text(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Text(int status, String contentType, String body) {}

    /** The address this browser's requests come from. */
    public String address() {
        return address;
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

    public Reply put(String path, Object body) {
        try {
            return send("PUT", path, JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
        var cookie = new HttpCookie(SESSION_COOKIE, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(baseUrl), cookie);
    }

    public String sessionCookie() {
        return cookie(SESSION_COOKIE);
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
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
                        .header("X-Forwarded-For", address)
                        .method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", contentType);
        }
        if (sendsCsrfToken && !READS.contains(method)) {
            request.header("X-XSRF-TOKEN", csrfToken());
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            var text = response.body();
            return new Reply(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    text == null || text.isBlank() ? null : JSON.readTree(text),
                    response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** As the SPA does: the cookie's value, fetched first when there is none. */
    private String csrfToken() {
        if (cookie(CSRF_COOKIE) == null) {
            var reply = get("/api/portal/csrf");
            if (reply.status() != 200) {
                throw new AssertionError("no CSRF token: " + reply);
            }
        }
        return cookie(CSRF_COOKIE);
    }
}
