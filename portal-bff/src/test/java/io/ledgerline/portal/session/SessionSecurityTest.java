package io.ledgerline.portal.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.portal.support.PortalBrowser;
import io.ledgerline.portal.support.PortalTestBase;

import org.apache.catalina.Context;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import java.util.Map;

/**
 * People's sessions under Spring Security: the cookie's flags, CSRF on every write, sign-in
 * throttled per account and per address, sign-out and idle expiry ending the session on the server.
 */
class SessionSecurityTest extends PortalTestBase {

    private static final String CREDITS = "/api/portal/partner/customers/customer:bistro/credits";
    private static final Map<String, Object> ADD =
            Map.of("commandId", "csrf-form-1", "amountUcr", 1_000_000, "note", "gift");

    @Autowired ServletWebServerApplicationContext server;

    @Value("${ledgerline.portal.sign-in.per-address.attempts}")
    int attemptsPerAddress;

    @BeforeEach
    void throttledUsers() {
        for (var email : new String[] {"victim@test.ledgerline", "neighbour@test.ledgerline"}) {
            jdbc.sql(
                            """
                    INSERT INTO portal.portal_user (email, password_hash, role, account_id,
                                                    display_name)
                    SELECT ?, password_hash, 'CUSTOMER', 'customer:bistro', 'Bistro'
                    FROM portal.portal_user WHERE email = 'bistro@demo.ledgerline'
                    ON CONFLICT (email) DO NOTHING""")
                    .param(email)
                    .update();
        }
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site_lax_and_the_csrf_cookie_readable() {
        var reply = new PortalBrowser(port).signIn("bistro@demo.ledgerline", PASSWORD);

        assertThat(reply.setCookie(PortalBrowser.SESSION_COOKIE))
                .containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");
        assertThat(reply.setCookie(PortalBrowser.CSRF_COOKIE))
                .doesNotContainIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void a_write_without_the_csrf_token_is_403_and_reaches_no_downstream() {
        var acme = signedIn("acme@demo.ledgerline").withoutCsrfToken();

        var credits = acme.post(CREDITS, ADD);
        var toggle = acme.putRaw("/api/portal/partner/self-service", "{\"enabled\":false}");
        var signOut = acme.delete("/api/portal/session");

        for (var reply : new PortalBrowser.Reply[] {credits, toggle, signOut}) {
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.code()).isEqualTo("FORBIDDEN");
        }
        assertThat(DOWNSTREAM.received()).noneMatch(r -> !r.method().equals("GET"));
        assertThat(acme.get("/api/portal/me").status()).isEqualTo(200);
    }

    @Test
    void a_write_with_a_wrong_csrf_token_is_403_and_reaches_no_downstream() {
        var acme = signedIn("acme@demo.ledgerline");
        var forger = new PortalBrowser(port).withoutCsrfToken();
        forger.useSessionCookie(acme.sessionCookie());

        var reply =
                forger.postRaw(
                        CREDITS,
                        "application/json",
                        "{\"commandId\":\"csrf-form-2\",\"amountUcr\":1,\"note\":\"x\"}");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.code()).isEqualTo("FORBIDDEN");
        assertThat(DOWNSTREAM.received()).noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void sign_in_needs_the_csrf_token_too() {
        var browser = new PortalBrowser(port).withoutCsrfToken();

        var reply = browser.signIn("bistro@demo.ledgerline", PASSWORD);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.code()).isEqualTo("FORBIDDEN");
        assertThat(browser.sessionCookie()).isNull();
    }

    @Test
    void the_csrf_token_changes_at_sign_in() {
        var browser = new PortalBrowser(port);
        assertThat(browser.get("/api/portal/csrf").status()).isEqualTo(200);
        var before = browser.cookie(PortalBrowser.CSRF_COOKIE);

        browser.signIn("bistro@demo.ledgerline", PASSWORD);

        assertThat(browser.cookie(PortalBrowser.CSRF_COOKIE)).isNotBlank().isNotEqualTo(before);
        assertThat(browser.post(CREDITS, ADD).code()).isEqualTo("PARTNER_ONLY");
    }

    @Test
    void the_sixth_wrong_password_in_a_row_is_429_from_any_address_even_with_the_right_one() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            var reply =
                    new PortalBrowser(port)
                            .from("203.0.113.7")
                            .signIn("victim@test.ledgerline", "guess-" + attempt);
            assertThat(reply.code()).as("attempt %d", attempt).isEqualTo("INVALID_CREDENTIALS");
        }

        var sixth =
                new PortalBrowser(port)
                        .from("203.0.113.99")
                        .signIn("Victim@Test.Ledgerline", "guess-6");
        var rightPassword = new PortalBrowser(port).signIn("victim@test.ledgerline", PASSWORD);

        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.contentType()).startsWith("application/problem+json");
        assertThat(sixth.code()).isEqualTo("SIGN_IN_THROTTLED");
        assertThat(Long.parseLong(sixth.headers().firstValue("Retry-After").orElseThrow()))
                .isPositive();
        assertThat(rightPassword.status()).isEqualTo(429);
        assertThat(new PortalBrowser(port).signIn("neighbour@test.ledgerline", PASSWORD).status())
                .isEqualTo(200);
    }

    @Test
    void one_address_guessing_at_many_accounts_is_throttled_and_others_are_not() {
        var address = "203.0.113.50";
        for (int attempt = 1; attempt <= attemptsPerAddress; attempt++) {
            var reply =
                    new PortalBrowser(port)
                            .from(address)
                            .signIn("nobody-" + attempt + "@test.ledgerline", "guess");
            assertThat(reply.code()).as("attempt %d", attempt).isEqualTo("INVALID_CREDENTIALS");
        }

        var next = new PortalBrowser(port).from(address).signIn("bistro@demo.ledgerline", PASSWORD);
        var elsewhere = new PortalBrowser(port).signIn("bistro@demo.ledgerline", PASSWORD);

        assertThat(next.status()).isEqualTo(429);
        assertThat(next.code()).isEqualTo("SIGN_IN_THROTTLED");
        assertThat(elsewhere.status()).isEqualTo(200);
    }

    @Test
    void a_successful_sign_in_ends_the_run_of_failures() {
        for (int round = 1; round <= 3; round++) {
            for (int attempt = 1; attempt <= 4; attempt++) {
                assertThat(
                                new PortalBrowser(port)
                                        .signIn("neighbour@test.ledgerline", "wrong")
                                        .code())
                        .isEqualTo("INVALID_CREDENTIALS");
            }
            assertThat(
                            new PortalBrowser(port)
                                    .signIn("neighbour@test.ledgerline", PASSWORD)
                                    .status())
                    .as("round %d", round)
                    .isEqualTo(200);
        }
    }

    @Test
    void an_idle_session_expires_on_the_server() throws Exception {
        var bistro = signedIn("bistro@demo.ledgerline");
        var tomcat = ((TomcatWebServer) server.getWebServer()).getTomcat();
        var context = (Context) tomcat.getHost().findChildren()[0];
        context.getManager().findSession(bistro.sessionCookie()).setMaxInactiveInterval(1);

        Thread.sleep(1_500);

        assertThat(bistro.get("/api/portal/me").code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void the_actuator_opens_health_only() {
        var anonymous = new PortalBrowser(port);
        var signedIn = signedIn("acme@demo.ledgerline");

        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/info").status()).isEqualTo(401);
        assertThat(signedIn.get("/actuator/info").status()).isEqualTo(403);
        assertThat(signedIn.get("/actuator/env").status()).isEqualTo(403);
    }

    @Test
    void a_customer_session_is_refused_the_partner_api_and_a_partner_the_customer_api() {
        var bistro = signedIn("bistro@demo.ledgerline");
        var acme = signedIn("acme@demo.ledgerline");

        assertThat(bistro.get("/api/portal/partner/customers").code()).isEqualTo("PARTNER_ONLY");
        assertThat(bistro.post(CREDITS, ADD).code()).isEqualTo("PARTNER_ONLY");
        assertThat(bistro.putRaw("/api/portal/partner/self-service", "{\"enabled\":true}").code())
                .isEqualTo("PARTNER_ONLY");
        assertThat(acme.get("/api/portal/gateway/keys").code()).isEqualTo("CUSTOMER_ONLY");
        assertThat(DOWNSTREAM.received()).noneMatch(r -> !r.method().equals("GET"));
    }
}
