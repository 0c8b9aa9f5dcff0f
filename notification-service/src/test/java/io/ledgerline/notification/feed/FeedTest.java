package io.ledgerline.notification.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.notification.support.NotificationIntegrationTest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/** The in-portal feed a notification bell reads: per account, paged newest first, read state. */
class FeedTest extends NotificationIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String partnerId = unique("p");
    private final AccountId partner = AccountId.partner(partnerId);
    private final AccountId customer = AccountId.customer(unique("c"));

    /** Three alerts for the customer: low credit, low credit again after a top-up, zero. */
    private void threeAlerts() {
        publish(
                ledger.open(partner, null),
                ledger.open(customer, partnerId),
                ledger.configure(customer, 50, true),
                ledger.addAi(customer, partnerId, 100),
                ledger.useAi(customer, partnerId, 60),
                ledger.addAi(customer, partnerId, 100),
                ledger.useAi(customer, partnerId, 100),
                ledger.useAi(customer, partnerId, 40));
        eventually().until(() -> page(customer, "size=20").get("items").size() == 3);
    }

    @Test
    void R15_customer_and_partner_each_page_their_feed_newest_first() throws Exception {
        threeAlerts();

        for (var account : List.of(customer, partner)) {
            var first = page(account, "size=2");
            assertThat(first.get("unreadCount").asLong()).isEqualTo(3);
            assertThat(kinds(first)).containsExactly("ZERO_BALANCE", "LOW_CREDIT");
            var second = page(account, "size=2&before=" + first.get("nextBefore").asLong());
            assertThat(kinds(second)).containsExactly("LOW_CREDIT");
            assertThat(second.get("nextBefore").isNull()).isTrue();
            var ids = new ArrayList<Long>();
            first.get("items").forEach(item -> ids.add(item.get("itemId").asLong()));
            second.get("items").forEach(item -> ids.add(item.get("itemId").asLong()));
            assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        }
        assertThat(page(AccountId.customer(unique("stranger")), "size=5").get("items")).isEmpty();
    }

    @Test
    void marking_read_lowers_the_unread_count_of_that_account_only() throws Exception {
        threeAlerts();
        var newest = page(customer, "size=1").get("items").get(0).get("itemId").asLong();

        var read = call("POST", feedPath(customer) + "/" + newest + "/read", null);
        var again = call("POST", feedPath(customer) + "/" + newest + "/read", null);

        assertThat(read.statusCode()).isEqualTo(204);
        assertThat(again.statusCode()).isEqualTo(204);
        assertThat(unread(customer)).isEqualTo(2);
        assertThat(unread(partner)).isEqualTo(3);
        assertThat(page(customer, "size=1").get("items").get(0).get("read").asBoolean()).isTrue();

        var someoneElses = call("POST", feedPath(partner) + "/" + newest + "/read", null);
        assertThat(someoneElses.statusCode()).isEqualTo(404);
        assertThat(someoneElses.body()).contains("FEED_ITEM_NOT_FOUND");

        assertThat(call("POST", feedPath(partner) + "/read", null).statusCode()).isEqualTo(204);
        assertThat(unread(partner)).isZero();
        assertThat(unread(customer)).isEqualTo(2);
    }

    @Test
    void a_page_size_outside_1_to_100_is_refused() {
        var response = call("GET", feedPath(customer) + "?size=101", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("INVALID_PAGING");
    }

    private JsonNode page(AccountId account, String query) throws Exception {
        var response = call("GET", feedPath(account) + "?" + query, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private long unread(AccountId account) throws Exception {
        var response = call("GET", feedPath(account) + "/unread", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("unreadCount").asLong();
    }

    private static List<String> kinds(JsonNode page) {
        var kinds = new ArrayList<String>();
        page.get("items").forEach(item -> kinds.add(item.get("kind").asText()));
        return kinds;
    }

    private static String feedPath(AccountId account) {
        return "/api/v1/accounts/" + account.value() + "/feed";
    }
}
