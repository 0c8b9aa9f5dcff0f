package io.ledgerline.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.gateway.support.GatewayTestBase;
import io.ledgerline.gateway.support.LedgerDouble;

import org.junit.jupiter.api.Test;

/**
 * The gateway calls the ledger with its own service token (the ledger double checks it against the
 * test authorization server's keys), keeps it across calls, and gets a fresh one when the ledger
 * refuses it.
 */
class ServiceTokenTest extends GatewayTestBase {

    @Test
    void one_token_serves_many_calls() {
        var partnerId = newPartner("STARTER", 5_000);

        for (int i = 0; i < 3; i++) {
            createPartnerKey(partnerId, partnerKey(100, "gpt-4o-mini"));
        }

        var tokens = LEDGER.commandsTo(partnerId).stream().map(LedgerDouble.Command::token);
        assertThat(tokens.distinct()).hasSize(1);
    }

    @Test
    void a_token_the_ledger_refuses_is_dropped_and_the_call_retried_with_a_fresh_one() {
        var partnerId = newPartner("STARTER", 5_000);
        createPartnerKey(partnerId, partnerKey(100, "gpt-4o-mini"));
        var refused = LEDGER.commandsTo(partnerId).get(0).token();

        LEDGER.refuseNextTokens(1);
        createPartnerKey(partnerId, partnerKey(100, "gpt-4o-mini"));
        createPartnerKey(partnerId, partnerKey(100, "gpt-4o-mini"));

        var commands = LEDGER.commandsTo(partnerId);
        assertThat(commands).hasSize(3);
        // Another call to the ledger may fetch its own fresh token at the same moment, so the
        // calls after the refusal are only known to carry a new token, not which one.
        assertThat(commands.subList(1, 3))
                .extracting(LedgerDouble.Command::token)
                .doesNotContain(refused);
    }
}
