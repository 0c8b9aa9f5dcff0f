package io.ledgerline.billing.methods;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.billing.support.CommerceTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** The Payment Methods tab: add, set default, delete; no card number is ever kept. */
class PaymentMethodsTest extends CommerceTestBase {

    @Test
    void R17_methods_are_added_made_default_and_deleted_and_the_first_is_the_default() {
        var account = "customer:" + unique("c");
        var visa = card(account, VISA_SUCCEEDS);
        var mastercard = card(account, "5555 5555 5555 4444");

        var listed = list(account);
        assertThat(listed.findValuesAsText("brand")).containsExactly("visa", "mastercard");
        assertThat(listed.findValuesAsText("last4")).containsExactly("4242", "4444");
        assertThat(listed.get(0).path("isDefault").asBoolean()).isTrue();
        assertThat(listed.get(1).path("isDefault").asBoolean()).isFalse();

        var madeDefault =
                send(
                        HttpMethod.POST,
                        "/api/v1/accounts/"
                                + account
                                + "/payment-methods/"
                                + mastercard
                                + "/default",
                        null);
        assertThat(madeDefault.getBody().path("isDefault").asBoolean()).isTrue();
        assertThat(list(account).get(0).path("isDefault").asBoolean()).isFalse();

        var deleted =
                send(
                        HttpMethod.DELETE,
                        "/api/v1/accounts/" + account + "/payment-methods/" + visa,
                        null);
        assertThat(deleted.getStatusCode().value()).isEqualTo(204);
        assertThat(list(account).findValuesAsText("methodId")).containsExactly(mastercard);
        var again =
                send(
                        HttpMethod.DELETE,
                        "/api/v1/accounts/" + account + "/payment-methods/" + visa,
                        null);
        assertThat(code(again)).isEqualTo("PAYMENT_METHOD_NOT_FOUND");
    }

    @Test
    void R17_no_full_card_number_is_stored_anywhere() {
        var account = "customer:" + unique("c");
        card(account, VISA_SUCCEEDS);
        card(account, DECLINED);

        var stored =
                jdbc.queryForList(
                        "SELECT row_to_json(m)::text FROM billing.payment_methods m WHERE owner = ?"
                                + " UNION ALL SELECT row_to_json(p)::text FROM"
                                + " billing.provider_payment_methods p WHERE owner = ?",
                        String.class,
                        account,
                        account);

        assertThat(stored).hasSize(4);
        assertThat(String.join("\n", stored))
                .doesNotContain("4242424242424242", "4000000000000002", "42424242");
    }

    @Test
    void a_number_that_is_no_card_or_an_expired_card_is_refused_and_nothing_is_saved() {
        var account = "customer:" + unique("c");

        var badCheckDigit = add(account, "4242 4242 4242 4241", 12, 2099);
        var tooShort = add(account, "4242", 12, 2099);
        var expired = add(account, VISA_SUCCEEDS, 1, 2020);

        for (var refused : java.util.List.of(badCheckDigit, tooShort, expired)) {
            assertThat(refused.getStatusCode().value()).isEqualTo(400);
            assertThat(code(refused)).isEqualTo("INVALID_CARD");
            assertThat(refused.getBody().toString()).doesNotContain("42424242");
        }
        assertThat(list(account)).isEmpty();
    }

    private com.fasterxml.jackson.databind.JsonNode list(String account) {
        return send(HttpMethod.GET, "/api/v1/accounts/" + account + "/payment-methods", null)
                .getBody();
    }

    private org.springframework.http.ResponseEntity<com.fasterxml.jackson.databind.JsonNode> add(
            String account, String number, int month, int year) {
        return send(
                HttpMethod.POST,
                "/api/v1/accounts/" + account + "/payment-methods",
                """
                {"card":{"number":"%s","expMonth":%d,"expYear":%d}}"""
                        .formatted(number, month, year));
    }
}
