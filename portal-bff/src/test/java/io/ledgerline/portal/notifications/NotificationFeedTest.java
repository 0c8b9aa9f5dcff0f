package io.ledgerline.portal.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.portal.support.PortalTestBase;

import org.junit.jupiter.api.Test;

import java.util.Map;

class NotificationFeedTest extends PortalTestBase {

    @Test
    void the_feed_is_the_signed_in_tenants_own_newest_first_with_the_service_token() {
        var acme = signedIn("acme@demo.ledgerline");

        var page = acme.get("/api/portal/notifications?size=2");
        var next =
                acme.get(
                        "/api/portal/notifications?size=2&before="
                                + page.body().path("nextBefore"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().path("unreadCount").asLong()).isEqualTo(2);
        assertThat(page.body().path("items").findValuesAsText("title"))
                .containsExactly("A key of Bistro was suspended", "Bistro is low on AI credits");
        assertThat(page.body().path("nextBefore").asLong()).isEqualTo(102);
        assertThat(next.body().path("items").findValuesAsText("title"))
                .containsExactly("Platform credits are running low");
        assertThat(next.body().path("nextBefore").isNull()).isTrue();
        assertThat(DOWNSTREAM.received())
                .allMatch(call -> call.path().startsWith("/api/v1/accounts/partner:acme/feed"))
                .allMatch(call -> "portal".equals(call.caller()));
    }

    @Test
    void the_unread_count_is_the_tenants_own() {
        assertThat(
                        signedIn("bistro@demo.ledgerline")
                                .get("/api/portal/notifications/unread")
                                .body()
                                .path("unreadCount")
                                .asLong())
                .isEqualTo(1);
        assertThat(DOWNSTREAM.received())
                .singleElement()
                .extracting(call -> call.path())
                .isEqualTo("/api/v1/accounts/customer:bistro/feed/unread");
    }

    @Test
    void marking_one_read_names_the_person_and_lowers_the_count() {
        var acme = signedIn("acme@demo.ledgerline");

        var marked = acme.post("/api/portal/notifications/103/read", Map.of());

        assertThat(marked.status()).isEqualTo(204);
        assertThat(DOWNSTREAM.feedItem(103).read()).isTrue();
        assertThat(DOWNSTREAM.feedItem(102).read()).isFalse();
        assertThat(acme.get("/api/portal/notifications/unread").body().path("unreadCount").asLong())
                .isEqualTo(1);
        assertThat(DOWNSTREAM.received())
                .filteredOn(call -> call.method().equals("POST"))
                .singleElement()
                .satisfies(
                        call -> {
                            assertThat(call.path())
                                    .isEqualTo("/api/v1/accounts/partner:acme/feed/103/read");
                            assertThat(call.actor())
                                    .isEqualTo("user:acme@demo.ledgerline@partner:acme");
                        });
    }

    @Test
    void marking_all_read_clears_the_tenants_own_feed_only() {
        var bistro = signedIn("bistro@demo.ledgerline");

        var marked = bistro.post("/api/portal/notifications/read", Map.of());

        assertThat(marked.status()).isEqualTo(204);
        assertThat(DOWNSTREAM.feedItem(201).read()).isTrue();
        assertThat(DOWNSTREAM.feedItem(102).read()).as("the partner's item").isFalse();
        assertThat(DOWNSTREAM.feedItem(B_FEED_ITEM).read()).isFalse();
        assertThat(
                        bistro.get("/api/portal/notifications/unread")
                                .body()
                                .path("unreadCount")
                                .asLong())
                .isZero();
    }

    @Test
    void an_item_of_another_tenant_is_not_found_and_nothing_is_marked() {
        var acme = signedIn("acme@demo.ledgerline");

        var reply = acme.post("/api/portal/notifications/" + B_FEED_ITEM + "/read", Map.of());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("FEED_ITEM_NOT_FOUND");
        assertThat(DOWNSTREAM.feedItem(B_FEED_ITEM).read()).isFalse();
        assertThat(DOWNSTREAM.received()).noneMatch(call -> call.path().contains("globex"));
    }

    @Test
    void marking_read_without_the_csrf_token_is_forbidden_and_reaches_nothing() {
        var acme = signedIn("acme@demo.ledgerline").withoutCsrfToken();

        var one = acme.post("/api/portal/notifications/102/read", Map.of());
        var all = acme.post("/api/portal/notifications/read", Map.of());

        assertThat(one.status()).isEqualTo(403);
        assertThat(all.status()).isEqualTo(403);
        assertThat(DOWNSTREAM.received()).isEmpty();
        assertThat(DOWNSTREAM.feedItem(102).read()).isFalse();
    }

    @Test
    void without_a_session_the_feed_is_unauthenticated() {
        var anonymous = new io.ledgerline.portal.support.PortalBrowser(port);

        assertThat(anonymous.get("/api/portal/notifications/unread").status()).isEqualTo(401);
        assertThat(DOWNSTREAM.received()).isEmpty();
    }

    @Test
    void bad_paging_is_refused_before_the_service_is_asked() {
        var acme = signedIn("acme@demo.ledgerline");

        assertThat(acme.get("/api/portal/notifications?size=0").code()).isEqualTo("INVALID_PAGING");
        assertThat(acme.get("/api/portal/notifications?size=51").code())
                .isEqualTo("INVALID_PAGING");
        assertThat(acme.get("/api/portal/notifications?before=0").code())
                .isEqualTo("INVALID_PAGING");
        assertThat(acme.post("/api/portal/notifications/abc/read", Map.of()).status())
                .isEqualTo(400);
        assertThat(DOWNSTREAM.received()).isEmpty();
    }
}
