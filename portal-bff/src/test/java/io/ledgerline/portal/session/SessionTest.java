package io.ledgerline.portal.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.portal.support.PortalBrowser;
import io.ledgerline.portal.support.PortalTestBase;

import org.junit.jupiter.api.Test;

class SessionTest extends PortalTestBase {

    @Test
    void demo_partner_signs_in_with_the_demo_password_and_gets_a_session() {
        var browser = new PortalBrowser(port);

        var reply = browser.signIn("acme@demo.ledgerline", "demo");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("role").asText()).isEqualTo("PARTNER");
        assertThat(reply.body().path("accountId").asText()).isEqualTo("partner:acme");
        assertThat(browser.sessionCookie()).isNotBlank();
        assertThat(browser.get("/api/portal/me").body().path("email").asText())
                .isEqualTo("acme@demo.ledgerline");
    }

    @Test
    void e_mail_is_matched_without_regard_to_case() {
        var reply = new PortalBrowser(port).signIn("Bistro@Demo.Ledgerline", "demo");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("role").asText()).isEqualTo("CUSTOMER");
    }

    @Test
    void wrong_password_and_unknown_user_get_the_same_401_problem_and_no_session() {
        var wrongPassword = new PortalBrowser(port);
        var unknownUser = new PortalBrowser(port);

        var refused = wrongPassword.signIn("acme@demo.ledgerline", "not-demo");
        var unknown = unknownUser.signIn("nobody@demo.ledgerline", "demo");

        for (var reply : new PortalBrowser.Reply[] {refused, unknown}) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.code()).isEqualTo("INVALID_CREDENTIALS");
        }
        assertThat(refused.body().path("detail").asText())
                .isEqualTo(unknown.body().path("detail").asText());
        assertThat(wrongPassword.get("/api/portal/me").status()).isEqualTo(401);
    }

    @Test
    void the_api_answers_401_UNAUTHENTICATED_without_a_session() {
        var reply = new PortalBrowser(port).get("/api/portal/accounts/customer:bistro");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void sign_out_ends_the_session_on_the_server() {
        var browser = signedIn("bistro@demo.ledgerline");
        var stolenCookie = browser.sessionCookie();

        assertThat(browser.delete("/api/portal/session").status()).isEqualTo(204);

        assertThat(browser.get("/api/portal/me").code()).isEqualTo("UNAUTHENTICATED");
        var replayer = new PortalBrowser(port);
        replayer.useSessionCookie(stolenCookie);
        assertThat(replayer.get("/api/portal/me").status()).isEqualTo(401);
    }

    @Test
    void signing_in_issues_a_new_session_id_so_a_planted_one_is_worthless() {
        var browser = signedIn("bistro@demo.ledgerline");
        var first = browser.sessionCookie();

        browser.signIn("bistro@demo.ledgerline", "demo");

        assertThat(browser.sessionCookie()).isNotEqualTo(first);
        var planted = new PortalBrowser(port);
        planted.useSessionCookie(first);
        assertThat(planted.get("/api/portal/me").status()).isEqualTo(401);
    }
}
