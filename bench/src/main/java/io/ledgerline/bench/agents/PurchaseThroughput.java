package io.ledgerline.bench.agents;

import io.ledgerline.bench.AccessTokens;
import io.ledgerline.bench.LatencyRecorder;
import io.ledgerline.bench.gateway.JsonHttp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Purchases end to end (closed loop): each client buys a credit plan for its own customer through
 * billing with the built-in provider's succeeding test card, then polls the ledger's read side
 * ({@code GET /accounts/{id}}) until the credits are there. The lag runs from billing's 202 (the
 * provider confirmed the payment) to the first read that shows the credits: the provider's signed
 * event to billing's webhook, the grant through the ledger, and the ledger's projection. The rate
 * is purchases whose credits became visible per second of the measured window.
 */
final class PurchaseThroughput {

    private static final long CREDIT = 1_000_000;
    private static final long PLAN_CREDITS = 100;
    private static final long PLAN_PRICE_CENTS = 1_000;
    private static final long VISIBLE_WAIT_MS = 60_000;
    private static final long POLL_MS = 5;
    private static final String VISA_SUCCEEDS = "4242424242424242";

    record Result(
            LatencyRecorder.Summary lag,
            LatencyRecorder.Summary purchaseAnswer,
            int completed,
            int failed,
            double perSecond,
            int clients,
            int seconds) {

        Map<String, Object> json() {
            var map = new LinkedHashMap<String, Object>();
            map.put("paymentConfirmedToCreditsVisible", lag.json());
            map.put("purchaseAnswer", purchaseAnswer.json());
            map.put("completed", completed);
            map.put("failed", failed);
            map.put("purchasesPerSecond", LatencyRecorder.Summary.round(perSecond));
            map.put("clients", clients);
            map.put("seconds", seconds);
            return map;
        }
    }

    private final AgentsOptions options;
    private final JsonHttp http;
    private final String ledgerUrl;
    private final String billingUrl;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final String partner = "benchbuy-" + run;
    private final AtomicInteger failed = new AtomicInteger();
    private String planId;

    PurchaseThroughput(AgentsOptions options) {
        this.options = options;
        this.http =
                new JsonHttp(
                        AccessTokens.from(
                                System.getenv().getOrDefault("LEDGERLINE_AUTH_URL", ""),
                                "ledger.read",
                                "ledger.accounts",
                                "billing.read",
                                "billing.purchases",
                                "billing.plans"));
        this.ledgerUrl = options.text("ledger-url", null);
        this.billingUrl = options.text("billing-url", null);
    }

    Result run() throws Exception {
        int clients = options.number("purchase-clients", 4);
        int seconds = options.number("purchase-seconds", 20);
        int warmUp = options.number("purchase-warm-up-s", 5);
        var customers = new ArrayList<String>();
        for (int i = 0; i < clients; i++) {
            customers.add(prepareCustomer(i));
        }
        planId =
                call(
                                "POST",
                                billingUrl + "/api/v1/partners/" + partner + "/credit-plans",
                                Map.of(
                                        "name",
                                        "Bench plan",
                                        "priceUsdCents",
                                        PLAN_PRICE_CENTS,
                                        "aiCreditsUcr",
                                        PLAN_CREDITS * CREDIT))
                        .json()
                        .path("planId")
                        .asText();
        for (var customer : customers) {
            awaitKnownToBilling(customer);
            call(
                    "POST",
                    billingUrl + "/api/v1/accounts/customer:" + customer + "/payment-methods",
                    Map.of(
                            "card",
                            Map.of("number", VISA_SUCCEEDS, "expMonth", 12, "expYear", 2099)));
        }
        System.out.println("  purchases: " + clients + " customers ready");
        phase(customers, warmUp, null, null);
        failed.set(0);
        var lag = new LatencyRecorder();
        var answer = new LatencyRecorder();
        long begin = System.nanoTime();
        int completed = phase(customers, seconds, lag, answer);
        double elapsedSeconds = (System.nanoTime() - begin) / 1e9;
        return new Result(
                lag.summary(),
                answer.summary(),
                completed,
                failed.get(),
                completed / elapsedSeconds,
                clients,
                seconds);
    }

    /** Every client buys in a loop for its customer until the time is up; answers the count. */
    private int phase(
            List<String> customers, int seconds, LatencyRecorder lag, LatencyRecorder answer)
            throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        var pool = Executors.newFixedThreadPool(customers.size());
        try {
            var futures = new ArrayList<Future<Integer>>();
            for (var customer : customers) {
                futures.add(pool.submit(() -> buyUntil(customer, end, lag, answer)));
            }
            int completed = 0;
            for (var future : futures) {
                completed += future.get(seconds + VISIBLE_WAIT_MS / 1000 + 30, TimeUnit.SECONDS);
            }
            return completed;
        } finally {
            pool.shutdownNow();
        }
    }

    private int buyUntil(String customer, long end, LatencyRecorder lag, LatencyRecorder answer)
            throws Exception {
        int completed = 0;
        long balance = spendable(customer);
        while (System.nanoTime() < end) {
            var purchaseId = "bb-" + run + "-" + customer.hashCode() + "-" + System.nanoTime();
            long sent = System.nanoTime();
            var bought =
                    http.send(
                            "POST",
                            billingUrl + "/api/v1/accounts/customer:" + customer + "/purchases",
                            Map.of("purchaseId", purchaseId, "planId", planId));
            long confirmed = System.nanoTime();
            if (bought.status() != 202) {
                failed.incrementAndGet();
                continue;
            }
            long expected = balance + PLAN_CREDITS * CREDIT;
            long deadline = confirmed + TimeUnit.MILLISECONDS.toNanos(VISIBLE_WAIT_MS);
            while ((balance = spendable(customer)) < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(purchaseId + ": credits never became visible");
                }
                Thread.sleep(POLL_MS);
            }
            long visible = System.nanoTime();
            if (lag != null) {
                lag.record(visible - confirmed);
                answer.record(confirmed - sent);
            }
            completed++;
        }
        return completed;
    }

    private long spendable(String customer) throws IOException, InterruptedException {
        return call("GET", ledgerUrl + "/accounts/customer:" + customer, null)
                .json()
                .path("spendableUcr")
                .asLong();
    }

    private String prepareCustomer(int index) throws IOException, InterruptedException {
        var customer = "benchbuy-c" + index + "-" + run;
        if (index == 0) {
            ledgerCommand(
                    "POST",
                    "/accounts",
                    Map.of(
                            "commandId",
                            id("open-partner"),
                            "accountId",
                            "partner:" + partner,
                            "partnerId",
                            partner));
        }
        ledgerCommand(
                "POST",
                "/accounts",
                Map.of(
                        "commandId",
                        id("open-" + customer),
                        "accountId",
                        "customer:" + customer,
                        "partnerId",
                        partner));
        ledgerCommand(
                "PUT",
                "/accounts/customer:" + customer + "/ai-credits",
                Map.of(
                        "commandId",
                        id("terms-" + customer),
                        "enabled",
                        true,
                        "pricePerMinuteUcr",
                        12 * CREDIT,
                        "graceSeconds",
                        30,
                        "lowCreditThresholdUcr",
                        CREDIT,
                        "lowCreditNotifications",
                        false));
        return customer;
    }

    /** Billing learns the customer's partner from ledger.events.v1, shortly after the opening. */
    private void awaitKnownToBilling(String customer) throws Exception {
        long deadline = System.currentTimeMillis() + VISIBLE_WAIT_MS;
        while (true) {
            var plans =
                    http.send(
                            "GET",
                            billingUrl + "/api/v1/customers/" + customer + "/credit-plans",
                            null);
            if (plans.ok()) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(customer + ": billing answers " + plans.status());
            }
            Thread.sleep(200);
        }
    }

    private void ledgerCommand(String method, String path, Object body)
            throws IOException, InterruptedException {
        call(method, ledgerUrl + path, body);
    }

    private JsonHttp.Answer call(String method, String url, Object body)
            throws IOException, InterruptedException {
        var answer = http.send(method, url, body);
        if (!answer.ok()) {
            throw new IllegalStateException(
                    method + " " + url + " answered " + answer.status() + ": " + answer.text());
        }
        return answer;
    }

    private String id(String what) {
        return "benchbuy-" + run + "-" + what;
    }
}
