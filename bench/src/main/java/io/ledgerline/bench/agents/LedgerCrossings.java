package io.ledgerline.bench.agents;

import io.ledgerline.bench.AccessTokens;
import io.ledgerline.bench.gateway.JsonHttp;
import io.ledgerline.contracts.ledger.AccountId;

import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Crossings made through the ledger's own API, so the measured time starts before the ledger
 * appends the usage event: the command is written, published to {@code ledger.events.v1} by the
 * ledger's publisher, and only then reaches the notification service.
 */
final class LedgerCrossings implements Crossings {

    private static final long CREDIT = 1_000_000L;

    private final JsonHttp http;
    private final String ledgerUrl;
    private final Set<String> partners = new HashSet<>();

    LedgerCrossings(String ledgerUrl) {
        this.ledgerUrl = ledgerUrl;
        this.http =
                new JsonHttp(
                        AccessTokens.from(
                                System.getenv().getOrDefault("LEDGERLINE_AUTH_URL", ""),
                                "ledger.read",
                                "ledger.accounts",
                                "ledger.credits",
                                "ledger.meter"));
    }

    @Override
    public void open(AccountId customer, String partnerId) throws Exception {
        if (partners.add(partnerId)) {
            send(
                    "POST",
                    "/accounts",
                    Map.of(
                            "commandId",
                            id(),
                            "accountId",
                            "partner:" + partnerId,
                            "partnerId",
                            partnerId));
        }
        send(
                "POST",
                "/accounts",
                Map.of("commandId", id(), "accountId", customer.value(), "partnerId", partnerId));
    }

    @Override
    public void configure(AccountId customer, long thresholdCredits) throws Exception {
        send(
                "PUT",
                "/accounts/" + customer.value() + "/ai-credits",
                Map.of(
                        "commandId",
                        id(),
                        "enabled",
                        true,
                        "pricePerMinuteUcr",
                        CREDIT,
                        "graceSeconds",
                        60,
                        "lowCreditThresholdUcr",
                        thresholdCredits * CREDIT,
                        "lowCreditNotifications",
                        true));
    }

    @Override
    public void add(AccountId customer, String partnerId, long credits) throws Exception {
        send(
                "POST",
                "/accounts/" + customer.value() + "/credits",
                Map.of("commandId", id(), "amountUcr", credits * CREDIT, "note", "alerts bench"));
    }

    @Override
    public void use(AccountId customer, String partnerId, long credits) throws Exception {
        send(
                "POST",
                "/accounts/" + customer.value() + "/usage",
                Map.of(
                        "commandId",
                        id(),
                        "amountUcr",
                        credits * CREDIT,
                        "usageId",
                        "u-" + UUID.randomUUID(),
                        "description",
                        "alerts bench"));
    }

    private void send(String method, String path, Object body)
            throws IOException, InterruptedException {
        var answer = http.send(method, ledgerUrl + path, body);
        if (!answer.ok()) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + answer.status() + ": " + answer.text());
        }
    }

    private static String id() {
        return "benchal-" + UUID.randomUUID();
    }

    @Override
    public void close() {}
}
