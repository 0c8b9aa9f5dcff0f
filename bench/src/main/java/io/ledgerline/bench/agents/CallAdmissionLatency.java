package io.ledgerline.bench.agents;

import io.ledgerline.bench.LatencyRecorder;
import io.ledgerline.bench.gateway.JsonHttp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Call admission at a fixed rate (open loop) against billing and the real ledger: each call is
 * started ({@code POST /api/v1/calls}, the figure), extended once and ended. A start's latency
 * counts from the moment it was due, so a stall is not hidden by the client waiting for it.
 */
final class CallAdmissionLatency {

    static final double TARGET_START_P99_MS = 10;
    private static final long CREDIT = 1_000_000;
    private static final long CUSTOMER_CREDITS = 10_000_000;
    private static final long KNOWN_WAIT_MS = 60_000;

    record Result(
            LatencyRecorder.Summary start,
            LatencyRecorder.Summary extend,
            LatencyRecorder.Summary end,
            int refused,
            int ratePerSecond,
            int seconds,
            int customers) {

        Map<String, Object> json() {
            var map = new LinkedHashMap<String, Object>();
            map.put("start", start.json());
            map.put("extend", extend.json());
            map.put("end", end.json());
            map.put("refused", refused);
            map.put("ratePerSecond", ratePerSecond);
            map.put("seconds", seconds);
            map.put("customers", customers);
            map.put("targetStartP99Ms", TARGET_START_P99_MS);
            return map;
        }
    }

    private final AgentsOptions options;
    private final io.ledgerline.bench.AccessTokens tokens = AgentsOptions.operatorTokens();
    private final JsonHttp setupHttp = new JsonHttp(tokens);
    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private final String ledgerUrl;
    private final String billingUrl;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final String partner = "benchcall-" + run;
    private final AtomicInteger refused = new AtomicInteger();

    CallAdmissionLatency(AgentsOptions options) {
        this.options = options;
        this.ledgerUrl = options.text("ledger-url", null);
        this.billingUrl = options.text("billing-url", null);
    }

    Result run() throws Exception {
        int rate = options.number("call-rate", 50);
        int seconds = options.number("call-seconds", 20);
        int warmUpSeconds = options.number("call-warm-up-s", 10);
        var customers = new ArrayList<String>();
        for (int i = 0; i < options.number("call-customers", 8); i++) {
            customers.add(prepareCustomer(i));
        }
        for (var customer : customers) {
            awaitKnownToBilling(customer);
        }
        System.out.println("  calls: " + customers.size() + " customers known to billing");
        var pool = Executors.newFixedThreadPool(32);
        try {
            phase(pool, customers, rate, warmUpSeconds, "warm", null);
            refused.set(0);
            var recorders =
                    new LatencyRecorder[] {
                        new LatencyRecorder(), new LatencyRecorder(), new LatencyRecorder()
                    };
            phase(pool, customers, rate, seconds, "m", recorders);
            return new Result(
                    recorders[0].summary(),
                    recorders[1].summary(),
                    recorders[2].summary(),
                    refused.get(),
                    rate,
                    seconds,
                    customers.size());
        } finally {
            pool.shutdownNow();
        }
    }

    private void phase(
            ExecutorService pool,
            List<String> customers,
            int rate,
            int seconds,
            String prefix,
            LatencyRecorder[] recorders)
            throws Exception {
        long intervalNanos = 1_000_000_000L / rate;
        int calls = rate * seconds;
        var futures = new ArrayList<Future<?>>();
        long begin = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            long due = begin + i * intervalNanos;
            LockSupport.parkNanos(due - System.nanoTime());
            var customer = customers.get(i % customers.size());
            var callId = prefix + i + "-" + run;
            futures.add(pool.submit(() -> oneCall(callId, customer, due, recorders)));
        }
        for (var future : futures) {
            future.get(60, TimeUnit.SECONDS);
        }
    }

    private Void oneCall(String callId, String customer, long due, LatencyRecorder[] recorders)
            throws IOException, InterruptedException {
        int started =
                post(
                        "/api/v1/calls",
                        "{\"callId\":\"%s\",\"customerId\":\"%s\",\"partnerId\":\"%s\",\"agentId\":\"bench\",\"channel\":\"VOICE\"}"
                                .formatted(callId, customer, partner));
        long startedAt = System.nanoTime();
        if (started != 200) {
            refused.incrementAndGet();
            return null;
        }
        post("/api/v1/calls/" + callId + "/extend", "{\"sequence\":1}");
        long extendedAt = System.nanoTime();
        post(
                "/api/v1/calls/" + callId + "/end",
                "{\"sequence\":2,\"durationSeconds\":1,\"toolCalls\":0,\"costLines\":[]}");
        long endedAt = System.nanoTime();
        if (recorders != null) {
            recorders[0].record(startedAt - due);
            recorders[1].record(extendedAt - startedAt);
            recorders[2].record(endedAt - extendedAt);
        }
        return null;
    }

    private int post(String path, String body) throws IOException, InterruptedException {
        var request =
                HttpRequest.newBuilder(URI.create(billingUrl + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Authorization", tokens.authorization())
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String prepareCustomer(int index) throws IOException, InterruptedException {
        var customer = "benchcall-c" + index + "-" + run;
        if (index == 0) {
            ledger(
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
        ledger(
                "POST",
                "/accounts",
                Map.of(
                        "commandId",
                        id("open-" + customer),
                        "accountId",
                        "customer:" + customer,
                        "partnerId",
                        partner));
        ledger(
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
        ledger(
                "POST",
                "/accounts/customer:" + customer + "/credits",
                Map.of(
                        "commandId",
                        id("add-" + customer),
                        "amountUcr",
                        CUSTOMER_CREDITS * CREDIT,
                        "note",
                        "call admission bench"));
        return customer;
    }

    /** Billing learns the customer's partner and terms from ledger.events.v1, shortly after. */
    private void awaitKnownToBilling(String customer) throws Exception {
        long deadline = System.currentTimeMillis() + KNOWN_WAIT_MS;
        int attempt = 0;
        while (true) {
            var callId = "known" + attempt++ + "-" + customer.hashCode() + "-" + run;
            int status =
                    post(
                            "/api/v1/calls",
                            "{\"callId\":\"%s\",\"customerId\":\"%s\",\"partnerId\":\"%s\",\"agentId\":\"bench\",\"channel\":\"CHAT\"}"
                                    .formatted(callId, customer, partner));
            if (status == 200) {
                post(
                        "/api/v1/calls/" + callId + "/end",
                        "{\"sequence\":1,\"durationSeconds\":0,\"toolCalls\":0,\"costLines\":[]}");
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(customer + ": billing still answers " + status);
            }
            Thread.sleep(200);
        }
    }

    private void ledger(String method, String path, Object body)
            throws IOException, InterruptedException {
        var answer = setupHttp.send(method, ledgerUrl + path, body);
        if (!answer.ok()) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + answer.status() + ": " + answer.text());
        }
    }

    private String id(String what) {
        return "benchcall-" + run + "-" + what;
    }
}
