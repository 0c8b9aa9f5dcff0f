package io.ledgerline.portal.downstream;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.portal.downstream.LedgerViews.CommandOutcome;
import io.ledgerline.portal.downstream.LedgerViews.HistoryPage;
import io.ledgerline.portal.downstream.LedgerViews.LedgerAccount;

import org.springframework.http.MediaType;

import java.util.Map;

/** The ledger's REST API as docs/ledger-api.md describes it. */
public class LedgerClient {

    private final Downstream ledger;

    LedgerClient(Downstream ledger) {
        this.ledger = ledger;
    }

    public LedgerAccount account(String accountId) {
        return ledger.call(
                rest ->
                        rest.get()
                                .uri("/accounts/{id}", accountId)
                                .retrieve()
                                .body(LedgerAccount.class));
    }

    public HistoryPage history(String accountId, int page, int size) {
        return ledger.call(
                rest ->
                        rest.get()
                                .uri(
                                        "/accounts/{id}/history?page={page}&size={size}",
                                        accountId,
                                        page,
                                        size)
                                .retrieve()
                                .body(HistoryPage.class));
    }

    public CommandOutcome addCredits(
            String accountId, String commandId, Credits amount, String note) {
        return post(
                "/accounts/{id}/credits",
                accountId,
                Map.of("commandId", commandId, "amountUcr", amount, "note", note));
    }

    public CommandOutcome deductCredits(
            String accountId, String commandId, Credits amount, String reason) {
        return post(
                "/accounts/{id}/deductions",
                accountId,
                Map.of("commandId", commandId, "amountUcr", amount, "reason", reason));
    }

    private CommandOutcome post(String path, String accountId, Map<String, Object> body) {
        return ledger.call(
                rest ->
                        rest.post()
                                .uri(path, accountId)
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(body)
                                .retrieve()
                                .body(CommandOutcome.class));
    }
}
