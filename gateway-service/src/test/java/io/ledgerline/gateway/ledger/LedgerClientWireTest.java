package io.ledgerline.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.command.ReleaseReservation;
import io.ledgerline.contracts.ledger.command.ReserveCredits;
import io.ledgerline.contracts.ledger.command.ReserveKeyDeposit;
import io.ledgerline.contracts.ledger.command.SettleReservation;
import io.ledgerline.contracts.money.Credits;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

/** The command records go out in the ledger API's request shapes (docs/ledger-api.md). */
class LedgerClientWireTest {

    static final AccountId PARTNER = AccountId.partner("p1");

    @Test
    void a_reservation_carries_the_body_fields_and_not_the_account_of_its_path() {
        var reserve =
                new ReserveCredits(
                        "key-k1-reserve",
                        PARTNER,
                        "key-k1",
                        Credits.ofMicros(1_050_000),
                        ReserveCredits.MAX_TIMEOUT_SECONDS,
                        "gateway key k1 create",
                        false);
        assertThat(wire(reserve))
                .isEqualTo(
                        "{\"commandId\":\"key-k1-reserve\",\"reservationId\":\"key-k1\","
                                + "\"amountUcr\":1050000,\"timeoutSeconds\":31622400,"
                                + "\"purpose\":\"gateway key k1 create\",\"withinGrace\":false}");
    }

    @Test
    void a_settlement_and_a_release_leave_out_account_and_reservation() {
        var settle =
                new SettleReservation(
                        "key-k1-fee", PARTNER, "key-k1", Credits.ofMicros(50_000), "key-k1-fee");
        assertThat(wire(settle))
                .isEqualTo(
                        "{\"commandId\":\"key-k1-fee\",\"amountUcr\":50000,"
                                + "\"usageId\":\"key-k1-fee\"}");
        var release = new ReleaseReservation("release-key-k1", PARTNER, "key-k1", "revoked");
        assertThat(wire(release))
                .isEqualTo("{\"commandId\":\"release-key-k1\",\"reason\":\"revoked\"}");
    }

    @Test
    void a_key_deposit_carries_command_and_key() {
        var deposit = new ReserveKeyDeposit("key-k2-deposit", PARTNER, "k2");
        assertThat(wire(deposit)).isEqualTo("{\"commandId\":\"key-k2-deposit\",\"keyId\":\"k2\"}");
    }

    private static String wire(io.ledgerline.contracts.ledger.command.LedgerCommand command) {
        return new String(LedgerClient.wire(command), StandardCharsets.UTF_8);
    }
}
