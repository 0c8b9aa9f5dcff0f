package io.ledgerline.systemtests.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.contracts.money.Credits;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The ledger's REST API (docs/ledger-api.md), with the calls the system tests make, as the operator
 * with the scopes those calls need (docs/security.md).
 */
public final class LedgerApi extends JsonHttp {

    /** The ledger's largest history page. */
    public static final int HISTORY_PAGE_SIZE = 200;

    LedgerApi(String baseUrl) {
        super(
                baseUrl,
                OperatorTokens.withScopes("ledger.read", "ledger.accounts", "ledger.credits"));
    }

    public void openPartner(String partnerId) {
        posted(
                post(
                        "/accounts",
                        Map.of(
                                "commandId",
                                commandId("open"),
                                "accountId",
                                "partner:" + partnerId,
                                "partnerId",
                                partnerId)));
    }

    public void openCustomer(String customerId, String partnerId) {
        posted(
                post(
                        "/accounts",
                        Map.of(
                                "commandId",
                                commandId("open"),
                                "accountId",
                                "customer:" + customerId,
                                "partnerId",
                                partnerId)));
    }

    /** R13 settings with AI credits on (0 per minute, no grace, no notifications). */
    public void enableAiCredits(String customerId) {
        var body = new LinkedHashMap<String, Object>();
        body.put("commandId", commandId("ai"));
        body.put("enabled", true);
        body.put("pricePerMinuteUcr", 0);
        body.put("graceSeconds", 0);
        body.put("lowCreditThresholdUcr", 0);
        body.put("lowCreditNotifications", false);
        posted(put("/accounts/customer:" + customerId + "/ai-credits", body));
    }

    public void addCredits(String accountId, Credits amount) {
        posted(
                post(
                        "/accounts/" + accountId + "/credits",
                        Map.of(
                                "commandId",
                                commandId("add"),
                                "amountUcr",
                                amount.ucr(),
                                "note",
                                "system test top-up")));
    }

    public void deduct(String accountId, Credits amount) {
        posted(
                post(
                        "/accounts/" + accountId + "/deductions",
                        Map.of(
                                "commandId",
                                commandId("deduct"),
                                "amountUcr",
                                amount.ucr(),
                                "reason",
                                "system test drain")));
    }

    /** The spendable balance of a holder ({@code partner:p} available, {@code customer:c} AI). */
    public Credits spendable(String accountId) {
        var reply = get("/accounts/" + accountId);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return Credits.ofMicros(reply.body().path("spendableUcr").asLong());
    }

    /** The balance of one ledger account of a holder, zero when it has none. */
    public Credits balanceOf(String accountId, String ledgerAccount) {
        var reply = get("/accounts/" + accountId);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        for (var balance : reply.body().path("balances")) {
            if (balance.path("ledgerAccount").asText().equals(ledgerAccount)) {
                return Credits.ofMicros(balance.path("balanceUcr").asLong());
            }
        }
        return Credits.ZERO;
    }

    /** The newest history rows of a holder (one page of at most 200). */
    public Reply history(String accountId) {
        var reply = get("/accounts/" + accountId + "/history?page=0&size=" + HISTORY_PAGE_SIZE);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply;
    }

    /** The sum of every account balance on a ledger: zero when the books balance. */
    public long ledgerSumUcr(String ledgerId) {
        var reply = get("/ledgers/" + ledgerId + "/balances?size=1");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.body().path("sumUcr").asLong();
    }

    private static void posted(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.body().path("outcome").asText()).as(reply.toString()).isEqualTo("POSTED");
    }

    static String commandId(String purpose) {
        return purpose + "-" + UUID.randomUUID().toString().substring(0, 18);
    }
}
