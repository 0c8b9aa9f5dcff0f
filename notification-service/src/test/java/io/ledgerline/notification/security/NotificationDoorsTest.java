package io.ledgerline.notification.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.notification.support.NotificationIntegrationTest;
import io.ledgerline.testsupport.auth.DoorWalk;
import io.ledgerline.testsupport.auth.TestTokens;
import io.ledgerline.websecurity.Doors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every door of the notification service is locked, and reading opens none of its writes. */
class NotificationDoorsTest extends NotificationIntegrationTest {

    @Autowired Doors doors;

    @Test
    void every_endpoint_of_the_openapi_document_refuses_no_forged_foreign_and_narrow_tokens() {
        var walk = new DoorWalk("http://127.0.0.1:" + port, doors, "billing.read");
        var operations = walk.operations("/v3/api-docs");

        assertThat(operations).hasSizeGreaterThanOrEqualTo(11);
        walk.assertEveryDoorLocked(operations);
    }

    @Test
    void health_is_open_without_a_credential_and_the_other_actuator_endpoints_are_not() {
        assertThat(callAs(null, "GET", "/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(callAs(null, "GET", "/actuator/info", null).statusCode()).isEqualTo(401);
        assertThat(
                        callAs(
                                        TestTokens.bearer(NotificationDoors.READ),
                                        "GET",
                                        "/actuator/info",
                                        null)
                                .statusCode())
                .isEqualTo(403);
        assertThat(
                        callAs(
                                        TestTokens.bearer(NotificationDoors.OPERATE),
                                        "GET",
                                        "/actuator/info",
                                        null)
                                .statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_reading_token_sees_the_recipients_but_cannot_change_them() {
        var account = AccountId.customer(unique("c"));
        var address = recipientFor(account);
        var path = "/api/v1/accounts/" + account.value() + "/recipients";
        var reader = TestTokens.bearer(NotificationDoors.READ);

        var refused = callAs(reader, "PUT", path, "{\"emails\":[\"thief@example.test\"]}");
        var read = callAs(reader, "GET", path, null);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"FORBIDDEN\"", NotificationDoors.MANAGE);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains(address).doesNotContain("thief@example.test");
    }

    @Test
    void a_reading_token_cannot_add_a_webhook_endpoint_and_none_is_stored() {
        var partner = unique("p");
        var webhooks = "/api/v1/partners/" + partner + "/webhooks";

        var refused =
                callAs(
                        TestTokens.bearer(NotificationDoors.READ),
                        "POST",
                        webhooks,
                        "{\"url\":\"https://hooks.example.test/ledgerline\"}");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("whsec_");
        assertThat(call("GET", webhooks, null).body()).isEqualTo("[]");
    }
}
