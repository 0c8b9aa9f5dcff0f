package io.ledgerline.bench.agents;

import java.util.HashMap;
import java.util.Map;

/** {@code --name=value} arguments of the agents bench, with defaults. */
final class AgentsOptions {

    static final String USAGE =
            """
            Usage: AgentsBench --which=alerts|calls|both|purchases --kafka=HOST:PORT [options]
              --notification-url=URL  notification-service (alerts)
              --smtp-port=P          where this client runs GreenMail; the service sends there
              --webhook-port=P       where this client receives the partner's webhooks
              --alerts=200           measured alerts (one customer each)
              --alert-warm-up=20     alerts before those, not measured
              --alert-rate=10        crossing events published per second
              --ledger-url=URL       ledger-service's /api/v1 (calls)
              --billing-url=URL      billing-service (calls)
              --call-rate=50         call starts per second, open loop
              --call-seconds=20      measured seconds
              --call-warm-up-s=10    seconds at the same rate before, not measured
              --call-customers=8     customers the calls spread over
              --purchase-clients=4   purchases: clients, each buying for its own customer
              --purchase-seconds=20  purchases: measured seconds (closed loop)
              --purchase-warm-up-s=5 purchases: seconds before, not measured
              --results-dir=DIR      where agents-<timestamp>.json goes
              --machine=TEXT         description of the machine for the report
            """;

    private final Map<String, String> values = new HashMap<>();

    AgentsOptions(String[] args) {
        for (var arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("unexpected argument " + arg + "\n" + USAGE);
            }
            int eq = arg.indexOf('=');
            values.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
    }

    String text(String name, String fallback) {
        var value = values.getOrDefault(name, fallback);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required\n" + USAGE);
        }
        return value;
    }

    int number(String name, int fallback) {
        return Integer.parseInt(text(name, String.valueOf(fallback)));
    }

    /**
     * The operator's token for set-up calls, from the authorization server the bench script started
     * ({@code LEDGERLINE_AUTH_URL}, secret in {@code LEDGERLINE_AUTH_CLIENT_SECRET}).
     */
    static io.ledgerline.bench.AccessTokens operatorTokens() {
        var authUrl = System.getenv().getOrDefault("LEDGERLINE_AUTH_URL", "");
        return io.ledgerline.bench.AccessTokens.from(
                authUrl,
                "ledger.read",
                "ledger.accounts",
                "ledger.credits",
                "billing.read",
                "billing.calls",
                "notification.read",
                "notification.manage");
    }
}
