package io.ledgerline.portal.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.portal.support.PortalTestBase;

import org.junit.jupiter.api.Test;

import java.util.Map;

/**
 * The fake ledger and gateway answer only a bearer token the test authorization server signed, as
 * the real services do; the portal's calls carry the token of its own client, {@code portal}.
 */
class ServiceTokenTest extends PortalTestBase {

    @Test
    void every_call_to_the_ledger_and_the_gateway_carries_the_portals_service_token() {
        var bistro = signedIn("bistro@demo.ledgerline");

        assertThat(bistro.get("/api/portal/me").status()).isEqualTo(200);
        assertThat(bistro.get("/api/portal/gateway/keys").status()).isEqualTo(200);

        var calls = DOWNSTREAM.received();
        assertThat(calls)
                .extracting(r -> r.path())
                .anyMatch(path -> path.startsWith("/api/v1/accounts/"))
                .anyMatch(path -> path.contains("/gateway-settings"))
                .anyMatch(path -> path.endsWith("/keys"));
        assertThat(calls).allSatisfy(r -> assertThat(r.caller()).isEqualTo("portal"));
    }

    @Test
    void a_write_carries_the_service_token_and_names_the_person_acting() {
        var reply =
                signedIn("acme@demo.ledgerline")
                        .post(
                                "/api/portal/partner/customers/customer:bistro/credits",
                                Map.of(
                                        "commandId",
                                        "form-token-1",
                                        "amountUcr",
                                        1_000_000,
                                        "note",
                                        "gift"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(DOWNSTREAM.received())
                .filteredOn(r -> r.method().equals("POST"))
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.caller()).isEqualTo("portal");
                            assertThat(r.actor())
                                    .isEqualTo("user:acme@demo.ledgerline@partner:acme");
                        });
    }
}
