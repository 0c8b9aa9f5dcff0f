package io.ledgerline.portal.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.command.AddCredits;
import io.ledgerline.contracts.ledger.command.DeductCredits;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.portal.downstream.GatewayClient.CreateCustomerKey;
import io.ledgerline.portal.downstream.GatewayClient.RevokeKey;
import io.ledgerline.portal.downstream.GatewayClient.SelfServiceSettings;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The portal's commands go out in the ledger's request shapes (docs/ledger-api.md: the account in
 * the path, not the body) and the gateway key API's, byte for byte.
 */
class DownstreamWireTest {

    private static final AccountId BISTRO = AccountId.customer("bistro");

    @Test
    void an_addition_carries_command_amount_and_note_and_not_the_account_of_its_path() {
        var add =
                new AddCredits(
                        "portal-partner-acme-f00d", BISTRO, Credits.ofMicros(5_000_000), "gift");

        assertThat(ledgerWire(add))
                .isEqualTo(
                        "{\"commandId\":\"portal-partner-acme-f00d\",\"amountUcr\":5000000,"
                                + "\"note\":\"gift\"}");
    }

    @Test
    void a_deduction_carries_command_amount_and_reason_and_not_the_account_of_its_path() {
        var deduct =
                new DeductCredits(
                        "portal-partner-acme-beef", BISTRO, Credits.ofMicros(250_000), "refund");

        assertThat(ledgerWire(deduct))
                .isEqualTo(
                        "{\"commandId\":\"portal-partner-acme-beef\",\"amountUcr\":250000,"
                                + "\"reason\":\"refund\"}");
    }

    @Test
    void the_largest_amount_keeps_every_digit() {
        var add = new AddCredits("c-1", BISTRO, Credits.ofMicros(Long.MAX_VALUE), "n");

        assertThat(ledgerWire(add)).contains("\"amountUcr\":9223372036854775807,");
    }

    @Test
    void gateway_key_commands_carry_exactly_the_key_apis_fields() throws Exception {
        var json = JsonMapper.builder().build();

        assertThat(
                        json.writeValueAsString(
                                new CreateCustomerKey("c-1", "My app", List.of("gpt-4o-mini"))))
                .isEqualTo(
                        "{\"commandId\":\"c-1\",\"name\":\"My app\","
                                + "\"allowedModels\":[\"gpt-4o-mini\"]}");
        assertThat(json.writeValueAsString(new RevokeKey("c-2")))
                .isEqualTo("{\"commandId\":\"c-2\"}");
        assertThat(json.writeValueAsString(SelfServiceSettings.of(true)))
                .isEqualTo(
                        "{\"selfServiceEnabled\":true,\"applyToNewCustomers\":true,"
                                + "\"applyToExistingCustomers\":true}");
        assertThat(json.writeValueAsString(SelfServiceSettings.of(false)))
                .isEqualTo("{\"selfServiceEnabled\":false}");
    }

    private static String ledgerWire(io.ledgerline.contracts.ledger.command.LedgerCommand command) {
        return new String(LedgerClient.wire(command), StandardCharsets.UTF_8);
    }
}
