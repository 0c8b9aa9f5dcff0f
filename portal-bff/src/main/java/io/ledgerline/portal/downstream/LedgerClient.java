package io.ledgerline.portal.downstream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.ledgerline.contracts.ledger.command.AddCredits;
import io.ledgerline.contracts.ledger.command.ConfigureAiCredits;
import io.ledgerline.contracts.ledger.command.DeductCredits;
import io.ledgerline.contracts.ledger.command.LedgerCommand;
import io.ledgerline.portal.downstream.LedgerViews.CommandOutcome;
import io.ledgerline.portal.downstream.LedgerViews.HistoryPage;
import io.ledgerline.portal.downstream.LedgerViews.LedgerAccount;

import org.springframework.http.MediaType;

/**
 * The ledger's REST API as docs/ledger-api.md describes it. Commands go out as the contracts'
 * command records, in the request shapes of that page.
 */
public class LedgerClient {

    /**
     * The REST API takes the account from the path, not the body, so the records' {@code accountId}
     * stays out of the JSON (as in the gateway's ledger client).
     */
    private static final ObjectMapper WIRE =
            JsonMapper.builder()
                    .addMixIn(AddCredits.class, AccountInPath.class)
                    .addMixIn(DeductCredits.class, AccountInPath.class)
                    .addMixIn(ConfigureAiCredits.class, AccountInPath.class)
                    .build();

    @JsonIgnoreProperties({"accountId"})
    private interface AccountInPath {}

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

    public CommandOutcome addCredits(AddCredits command) {
        return post("/accounts/{id}/credits", command);
    }

    public CommandOutcome deductCredits(DeductCredits command) {
        return post("/accounts/{id}/deductions", command);
    }

    /** R13: a customer's AI-credit settings, replaced as a whole. */
    public CommandOutcome configureAiCredits(ConfigureAiCredits command) {
        var body = wire(command);
        return ledger.call(
                rest ->
                        rest.put()
                                .uri("/accounts/{id}/ai-credits", command.accountId().value())
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(body)
                                .retrieve()
                                .body(CommandOutcome.class));
    }

    /** The body the ledger receives for {@code command}. */
    static byte[] wire(LedgerCommand command) {
        try {
            return WIRE.writeValueAsBytes(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + command, e);
        }
    }

    private CommandOutcome post(String path, LedgerCommand command) {
        var body = wire(command);
        return ledger.call(
                rest ->
                        rest.post()
                                .uri(path, command.accountId().value())
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(body)
                                .retrieve()
                                .body(CommandOutcome.class));
    }
}
