package io.ledgerline.portal.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.ledgerline.testsupport.auth.TestAuthorizationServer;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-test HTTP server answering like billing-service's commerce API (plans, visibility, payment
 * methods, invoices with hosted page and PDF, purchases and Quick Buy, subscriptions, the AI
 * Credits tab, auto top-up), with its refusal codes and its scopes: reads need {@code
 * billing.read}, plan changes {@code billing.plans}, every other write {@code billing.purchases}. A
 * payment with the test card 4000 0000 0000 0002 is declined and leaves its invoice open; any other
 * card pays at once and grants the credits, as billing does when the provider's event arrives.
 */
public final class FakeBilling {

    public static final String DECLINED_CARD = "4000000000000002";

    /** One call as billing saw it: the client and scopes of its token, the person acting. */
    public record Received(String method, String path, String caller, String actor) {}

    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Pattern PLANS = Pattern.compile("/api/v1/partners/([^/]+)/credit-plans");
    private static final Pattern ARCHIVE =
            Pattern.compile("/api/v1/partners/([^/]+)/credit-plans/([^/]+)/archive");
    private static final Pattern VISIBLE =
            Pattern.compile("/api/v1/customers/([^/]+)/credit-plan(s|-visibility)");
    private static final Pattern ACCOUNT = Pattern.compile("/api/v1/accounts/([^/]+)/(.+)");
    private static final Pattern HOSTED = Pattern.compile("/api/v1/hosted-invoices/([^/]+)");
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String CONVERSATIONS = "/api/v1/conversations";
    private static final String USAGE = "/api/v1/usage";

    /** Thrown by a handler: billing's problem answer. */
    private static final class Problem extends RuntimeException {
        final int status;
        final String code;

        Problem(int status, String code) {
            super(code, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    private final HttpServer server;
    private volatile JwtDecoder tokens;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<String, List<Map<String, Object>>> plans = new ConcurrentHashMap<>();
    private final Map<String, List<String>> visibility = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, Object>>> methods = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, Object>>> invoices = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, Object>>> purchases = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, Object>>> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Long> balances = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, Object>>> transfers = new ConcurrentHashMap<>();
    private final Map<String, String> cardNumbers = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, Object>> autoTopUps = new ConcurrentHashMap<>();

    public FakeBilling() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::answer);
        server.start();
        reset();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public void forget() {
        received.clear();
    }

    /**
     * Billing's auto top-up stopping after a refused payment for one crossing: marked failed with
     * the refusal's code, as billing's charger does.
     */
    public synchronized void stopAutoTopUp(String accountId, String code) {
        var settings = autoTopUps.get(accountId);
        settings.put("status", "FAILED");
        settings.put("failureCode", code);
        var charge = new LinkedHashMap<String, Object>();
        charge.put("chargeId", "atu-" + sequence.incrementAndGet());
        charge.put("planId", settings.get("planId"));
        charge.put("balanceUcr", balanceUcr(accountId));
        charge.put("thresholdUcr", settings.get("thresholdUcr"));
        charge.put("status", code.startsWith("CARD_") ? "DECLINED" : "FAILED");
        charge.put("attempts", 1);
        charge.put("failureCode", code);
        charge.put("createdAt", NOW);
        settings.put("recentCharges", List.of(charge));
    }

    public boolean hasAutoTopUp(String accountId) {
        return autoTopUps.containsKey(accountId);
    }

    public long balanceUcr(String accountId) {
        return balances.getOrDefault(accountId, 0L);
    }

    /**
     * Acme's plans (one-off "Starter 100", monthly "Monthly 500", "Hidden pack" left out of
     * bistro's list, an archived one), globex's one plan, and tenant B's (harbor's) invoice, method
     * and subscription under the ids the cross-tenant walk uses.
     */
    public synchronized void reset() {
        plans.clear();
        visibility.clear();
        methods.clear();
        invoices.clear();
        purchases.clear();
        subscriptions.clear();
        balances.clear();
        transfers.clear();
        cardNumbers.clear();
        calls.clear();
        autoTopUps.clear();
        calls.add(call("call-a-0001", "bistro", 125, 3, 2_500_000L));
        calls.add(call("call-b-0001", "harbor", 60, 1, 1_000_000L));
        plan("acme", "plan-starter", "Starter 100", 6000, 100, "ACTIVE", null);
        plan("acme", "plan-monthly", "Monthly 500", 20000, 500, "ACTIVE", "MONTH");
        plan("acme", "plan-hidden", "Hidden pack", 1000, 10, "ACTIVE", null);
        plan("acme", "plan-old", "Old pack", 500, 5, "ARCHIVED", null);
        plan("globex", "plan-globex", "Globex pack", 900, 9, "ACTIVE", null);
        visibility.put("bistro", List.of("plan-starter", "plan-monthly"));
        balances.put("customer:bistro", 723_750_000L);
        balances.put("customer:harbor", 5_000_000L);
        balances.put("partner:acme", 50_000_000_000L);
        var harbor = "customer:harbor";
        methods.computeIfAbsent(harbor, k -> new CopyOnWriteArrayList<>())
                .add(method("pm-b-0001", "4242", true));
        var invoice = invoice(harbor, "inv-b-0001", "Globex pack (AI credits)", 900);
        invoice.put("status", "PAID");
        var sub = new LinkedHashMap<String, Object>();
        sub.put("subscriptionId", "sub-b-0001");
        sub.put("status", "ACTIVE");
        subscriptions.computeIfAbsent(harbor, k -> new CopyOnWriteArrayList<>()).add(sub);
    }

    private static Map<String, Object> call(
            String id, String customer, long seconds, long toolCalls, long chargeUcr) {
        var call = new LinkedHashMap<String, Object>();
        call.put("callId", id);
        call.put("customerId", customer);
        call.put("agentId", "agent-support");
        call.put("channel", "VOICE");
        call.put("status", "ENDED");
        call.put("startedAt", NOW.minusSeconds(3600));
        call.put("endedAt", NOW.minusSeconds(3600 - seconds));
        call.put("durationSeconds", seconds);
        call.put("toolCalls", toolCalls);
        call.put(
                "costLines",
                List.of(
                        Map.of("kind", "LLM", "amountUcr", chargeUcr - 500_000L),
                        Map.of("kind", "TTS", "amountUcr", 500_000L)));
        call.put("chargeUcr", chargeUcr);
        call.put("settledUcr", chargeUcr);
        call.put("meteredUcr", 0);
        call.put("uncollectedUcr", 0);
        return call;
    }

    /**
     * Billed uses, newest first: bistro's one before, three inside and one after the period
     * 2026-11-30 to 2026-12-02 of DetailedUsageTest, harbor's one.
     */
    private static Object usage(String query) {
        var customer = query == null ? "" : query.replaceAll(".*customerId=([^&]*).*", "$1");
        var all =
                List.of(
                        use("u5", "bistro", "GATEWAY", 0, 0, 0, 5_000_000L, "2026-12-02T01:00:00Z"),
                        use(
                                "u4",
                                "bistro",
                                "GATEWAY",
                                200,
                                100,
                                0,
                                200_000L,
                                "2026-12-01T09:00:00Z"),
                        use(
                                "u3",
                                "bistro",
                                "GATEWAY",
                                100,
                                50,
                                0,
                                100_000L,
                                "2026-12-01T08:00:00Z"),
                        use(
                                "u2",
                                "bistro",
                                "AGENT_CALL",
                                0,
                                0,
                                125,
                                2_500_000L,
                                "2026-11-30T10:00:00Z"),
                        use(
                                "u1",
                                "bistro",
                                "GATEWAY",
                                10,
                                10,
                                0,
                                1_000_000L,
                                "2026-11-29T10:00:00Z"),
                        use(
                                "u0",
                                "harbor",
                                "GATEWAY",
                                1,
                                1,
                                0,
                                9_000_000L,
                                "2026-12-01T10:00:00Z"));
        var items = all.stream().filter(u -> u.get("customerId").equals(customer)).toList();
        return Map.of("page", 0, "size", 200, "total", items.size(), "items", items);
    }

    private static Map<String, Object> use(
            String id,
            String customer,
            String source,
            long tokensIn,
            long tokensOut,
            long seconds,
            long chargeUcr,
            String at) {
        var use = new LinkedHashMap<String, Object>();
        use.put("requestId", id);
        use.put("source", source);
        use.put("customerId", customer);
        use.put("tokensIn", tokensIn);
        use.put("tokensOut", tokensOut);
        use.put("callSeconds", seconds);
        use.put("toolCalls", 0);
        use.put("customerChargeUcr", chargeUcr);
        use.put("status", "CHARGED");
        use.put("occurredAt", at);
        return use;
    }

    /** Sessions by customer id (the query's), or one by its id whoever it belongs to. */
    private Object conversations(String path, String query) {
        if (path.length() > CONVERSATIONS.length()) {
            return find(
                    calls, "callId", path.substring(CONVERSATIONS.length() + 1), "CALL_NOT_FOUND");
        }
        var customer = query == null ? "" : query.replaceAll(".*customerId=([^&]*).*", "$1");
        var items = calls.stream().filter(c -> c.get("customerId").equals(customer)).toList();
        var page = new LinkedHashMap<String, Object>();
        page.put("customerId", customer);
        page.put("page", 0);
        page.put("size", 50);
        page.put("total", items.size());
        page.put("items", items);
        return page;
    }

    private void plan(
            String partner,
            String id,
            String name,
            long cents,
            long credits,
            String status,
            String interval) {
        var plan = new LinkedHashMap<String, Object>();
        plan.put("planId", id);
        plan.put("partnerId", partner);
        plan.put("name", name);
        plan.put("priceUsdCents", cents);
        plan.put("aiCreditsUcr", credits * 1_000_000L);
        plan.put("status", status);
        plan.put("interval", interval);
        plan.put("createdAt", NOW.plusSeconds(sequence.incrementAndGet()));
        plans.computeIfAbsent(partner, k -> new CopyOnWriteArrayList<>()).add(plan);
    }

    private Map<String, Object> method(String id, String last4, boolean isDefault) {
        var method = new LinkedHashMap<String, Object>();
        method.put("methodId", id);
        method.put("brand", "visa");
        method.put("last4", last4);
        method.put("expMonth", 12);
        method.put("expYear", 2030);
        method.put("isDefault", isDefault);
        method.put("createdAt", NOW);
        return method;
    }

    private Map<String, Object> invoice(String owner, String id, String line, long cents) {
        var invoice = new LinkedHashMap<String, Object>();
        invoice.put("invoiceId", id);
        invoice.put("number", "LL-" + (1000 + sequence.incrementAndGet()));
        invoice.put("owner", owner);
        invoice.put("status", "OPEN");
        invoice.put("currency", "usd");
        invoice.put(
                "lines",
                List.of(
                        Map.of(
                                "description",
                                line,
                                "quantity",
                                1,
                                "unitAmountCents",
                                cents,
                                "amountCents",
                                cents)));
        invoice.put("totalCents", cents);
        invoice.put("amountPaidCents", 0);
        invoice.put("amountDueCents", cents);
        invoice.put("amountRefundedCents", 0);
        invoice.put("createdAt", NOW.plusSeconds(sequence.incrementAndGet()));
        invoice.put("hostedPath", "/api/v1/hosted-invoices/tok-" + id);
        invoices.computeIfAbsent(owner, k -> new CopyOnWriteArrayList<>()).add(0, invoice);
        return invoice;
    }

    private synchronized void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            var path = exchange.getRequestURI().getPath();
            var method = exchange.getRequestMethod();
            var bytes = exchange.getRequestBody().readAllBytes();
            var token = token(exchange.getRequestHeaders().getFirst("Authorization"));
            received.add(
                    new Received(
                            method,
                            path,
                            token == null ? null : token.getSubject(),
                            exchange.getRequestHeaders().getFirst("X-Ledgerline-Actor")));
            try {
                var hosted = HOSTED.matcher(path);
                if (hosted.matches() && method.equals("GET")) {
                    hostedPage(exchange, hosted.group(1));
                    return;
                }
                requireScope(token, method, path);
                var json = bytes.length == 0 ? null : JSON.readTree(bytes);
                var answer =
                        path.equals(USAGE)
                                ? usage(exchange.getRequestURI().getQuery())
                                : path.startsWith(CONVERSATIONS)
                                        ? conversations(path, exchange.getRequestURI().getQuery())
                                        : route(method, path, json);
                if (answer instanceof byte[] pdf) {
                    exchange.getResponseHeaders().set("Content-Type", "application/pdf");
                    exchange.sendResponseHeaders(200, pdf.length);
                    exchange.getResponseBody().write(pdf);
                } else if (answer == null) {
                    exchange.sendResponseHeaders(204, -1);
                } else {
                    send(exchange, method.equals("POST") ? 202 : 200, answer);
                }
            } catch (Problem refused) {
                problem(exchange, refused.status, refused.code);
            }
        }
    }

    private void requireScope(Jwt token, String method, String path) {
        if (token == null) {
            throw new Problem(401, "UNAUTHENTICATED");
        }
        var scope =
                method.equals("GET")
                        ? "billing.read"
                        : path.contains("credit-plan") ? "billing.plans" : "billing.purchases";
        var granted = String.valueOf(token.getClaims().get("scope"));
        if (!List.of(granted.replaceAll("[\\[\\],]", " ").split("\\s+")).contains(scope)) {
            throw new Problem(403, "INSUFFICIENT_SCOPE");
        }
    }

    private Object route(String method, String path, JsonNode body) {
        Matcher m;
        if ((m = ARCHIVE.matcher(path)).matches() && method.equals("POST")) {
            var plan = planOf(m.group(1), m.group(2));
            plan.put("status", "ARCHIVED");
            return plan;
        }
        if ((m = PLANS.matcher(path)).matches()) {
            return method.equals("GET") ? plansOf(m.group(1)) : createPlan(m.group(1), body);
        }
        if ((m = VISIBLE.matcher(path)).matches()) {
            var customer = m.group(1);
            if (method.equals("PUT")) {
                var ids = body.path("planIds");
                if (ids.isNull()) {
                    visibility.remove(customer);
                } else {
                    var list = new ArrayList<String>();
                    ids.forEach(id -> list.add(id.asText()));
                    visibility.put(customer, list);
                }
            }
            return visibleTo(customer);
        }
        if ((m = ACCOUNT.matcher(path)).matches()) {
            return account(method, m.group(1), m.group(2), body);
        }
        throw new Problem(404, "NOT_FOUND");
    }

    private List<Map<String, Object>> plansOf(String partner) {
        return plans.getOrDefault(partner, List.of());
    }

    private Map<String, Object> planOf(String partner, String planId) {
        return plansOf(partner).stream()
                .filter(plan -> plan.get("planId").equals(planId))
                .findFirst()
                .orElseThrow(() -> new Problem(404, "PLAN_NOT_FOUND"));
    }

    private Object createPlan(String partner, JsonNode body) {
        var id = "plan-" + sequence.incrementAndGet();
        plan(
                partner,
                id,
                body.path("name").asText(),
                body.path("priceUsdCents").asLong(),
                body.path("aiCreditsUcr").asLong() / 1_000_000L,
                "ACTIVE",
                body.path("interval").isNull() ? null : body.path("interval").asText());
        return planOf(partner, id);
    }

    private static String partnerOf(String customer) {
        return switch (customer) {
            case "bistro", "cornershop" -> "acme";
            case "harbor", "drifted" -> "globex";
            default -> throw new Problem(404, "CUSTOMER_UNKNOWN");
        };
    }

    private List<Map<String, Object>> visibleTo(String customer) {
        var visible = visibility.get(customer);
        return plansOf(partnerOf(customer)).stream()
                .filter(plan -> plan.get("status").equals("ACTIVE"))
                .filter(plan -> visible == null || visible.contains(plan.get("planId")))
                .toList();
    }

    private Object account(String method, String owner, String rest, JsonNode body) {
        var parts = rest.split("/");
        return switch (parts[0]) {
            case "payment-methods" -> methods(method, owner, parts, body);
            case "invoices" -> invoices(method, owner, parts, body);
            case "purchases" -> method.equals("GET") ? own(purchases, owner) : buy(owner, body);
            case "quick-buy" -> quickBuy(owner, body);
            case "subscriptions" -> subscriptions(method, owner, parts, body);
            case "ai-credits" -> aiCredits(owner);
            case "auto-top-up" -> autoTopUp(method, owner, body);
            default -> throw new Problem(404, "NOT_FOUND");
        };
    }

    private static List<Map<String, Object>> own(
            Map<String, List<Map<String, Object>>> all, String owner) {
        return all.computeIfAbsent(owner, k -> new CopyOnWriteArrayList<>());
    }

    private static Map<String, Object> find(
            List<Map<String, Object>> rows, String key, String id, String notFound) {
        return rows.stream()
                .filter(row -> id.equals(row.get(key)))
                .findFirst()
                .orElseThrow(() -> new Problem(404, notFound));
    }

    private Object methods(String method, String owner, String[] parts, JsonNode body) {
        var saved = own(methods, owner);
        if (parts.length == 1) {
            if (method.equals("GET")) {
                return saved;
            }
            var number = body.path("card").path("number").asText().replaceAll("[ -]", "");
            if (!number.matches("[0-9]{12,19}")) {
                throw new Problem(400, "INVALID_CARD");
            }
            var added =
                    method(
                            "pm-" + sequence.incrementAndGet(),
                            number.substring(number.length() - 4),
                            saved.isEmpty());
            cardNumbers.put((String) added.get("methodId"), number);
            saved.add(added);
            return added;
        }
        var found = find(saved, "methodId", parts[1], "PAYMENT_METHOD_NOT_FOUND");
        if (method.equals("DELETE")) {
            saved.remove(found);
            return null;
        }
        saved.forEach(other -> other.put("isDefault", other == found));
        return found;
    }

    private Object invoices(String method, String owner, String[] parts, JsonNode body) {
        var rows = own(invoices, owner);
        if (parts.length == 1) {
            return rows;
        }
        var invoice = find(rows, "invoiceId", parts[1], "INVOICE_NOT_FOUND");
        if (parts.length == 2) {
            return invoice;
        }
        if (parts[2].equals("pdf")) {
            return ("%PDF-1.4 invoice " + invoice.get("number")).getBytes(StandardCharsets.UTF_8);
        }
        if (!"OPEN".equals(invoice.get("status"))) {
            throw new Problem(409, "INVOICE_ALREADY_PAID");
        }
        var methodId = body == null ? null : body.path("paymentMethodId").textValue();
        charge(owner, invoice, methodId);
        return invoice;
    }

    /** Charges the method (or the default), and grants what the invoice bought once paid. */
    private void charge(String owner, Map<String, Object> invoice, String methodId) {
        var saved = own(methods, owner);
        var method =
                methodId == null
                        ? saved.stream()
                                .filter(m -> Boolean.TRUE.equals(m.get("isDefault")))
                                .findFirst()
                                .orElseThrow(() -> new Problem(409, "NO_PAYMENT_METHOD"))
                        : find(saved, "methodId", methodId, "PAYMENT_METHOD_NOT_FOUND");
        if (DECLINED_CARD.equals(cardNumbers.get((String) method.get("methodId")))) {
            invoice.put("lastPaymentError", "Your card was declined.");
            throw new Problem(402, "CARD_DECLINED");
        }
        invoice.put("status", "PAID");
        invoice.put("amountPaidCents", invoice.get("totalCents"));
        invoice.put("amountDueCents", 0);
        invoice.put("paidAt", NOW);
        invoice.put("lastPaymentError", null);
        for (var purchase : own(purchases, owner)) {
            if (purchase.get("invoiceId").equals(invoice.get("invoiceId"))) {
                purchase.put("status", "CREDITED");
                purchase.put("creditedAt", NOW);
                grant(
                        owner,
                        (Long) purchase.get("creditsUcr"),
                        "Purchase " + purchase.get("planId"));
            }
        }
    }

    private void grant(String owner, long ucr, String note) {
        var balance = balances.merge(owner, ucr, Long::sum);
        var transfer = new LinkedHashMap<String, Object>();
        transfer.put("eventId", "ev-" + sequence.incrementAndGet());
        transfer.put("type", "Added");
        transfer.put("amountUcr", ucr);
        transfer.put("balanceAfterUcr", balance);
        transfer.put("note", note);
        transfer.put("occurredAt", NOW);
        own(transfers, owner).add(0, transfer);
    }

    private Object buy(String owner, JsonNode body) {
        var customer = owner.substring(owner.indexOf(':') + 1);
        var planId = body.path("planId").asText();
        var plan =
                visibleTo(customer).stream()
                        .filter(p -> p.get("planId").equals(planId))
                        .findFirst()
                        .orElseThrow(() -> new Problem(422, "PLAN_NOT_AVAILABLE"));
        return start(
                owner,
                body,
                "CREDIT_PLAN",
                planId,
                (Long) plan.get("aiCreditsUcr"),
                (Long) plan.get("priceUsdCents"),
                plan.get("name") + " (AI credits)");
    }

    private Object quickBuy(String owner, JsonNode body) {
        long cents = body.path("amountUsdCents").asLong();
        return start(
                owner,
                body,
                "QUICK_BUY",
                null,
                cents * 1_000_000L,
                cents,
                "Platform credits (Quick Buy)");
    }

    private Object start(
            String owner,
            JsonNode body,
            String kind,
            String planId,
            long creditsUcr,
            long cents,
            String line) {
        var purchaseId = body.path("purchaseId").asText();
        var rows = own(purchases, owner);
        var replayed =
                rows.stream().filter(p -> p.get("purchaseId").equals(purchaseId)).findFirst();
        if (replayed.isPresent()) {
            return replayed.get();
        }
        var invoice = invoice(owner, "in_" + sequence.incrementAndGet(), line, cents);
        var purchase = new LinkedHashMap<String, Object>();
        purchase.put("purchaseId", purchaseId);
        purchase.put("owner", owner);
        purchase.put("kind", kind);
        purchase.put("planId", planId);
        purchase.put("creditsUcr", creditsUcr);
        purchase.put("priceUsdCents", cents);
        purchase.put("invoiceId", invoice.get("invoiceId"));
        purchase.put("status", "AWAITING_PAYMENT");
        purchase.put("createdAt", NOW);
        rows.add(0, purchase);
        charge(owner, invoice, body.path("paymentMethodId").textValue());
        return purchase;
    }

    private Object subscriptions(String method, String owner, String[] parts, JsonNode body) {
        var rows = own(subscriptions, owner);
        if (parts.length == 1) {
            return method.equals("GET") ? rows : subscribe(owner, body);
        }
        var subscription = find(rows, "subscriptionId", parts[1], "SUBSCRIPTION_NOT_FOUND");
        if (parts.length == 3) {
            subscription.put("cancelAtPeriodEnd", true);
            subscription.put("nextBillingAt", null);
        }
        return subscription;
    }

    private Object subscribe(String owner, JsonNode body) {
        var customer = owner.substring(owner.indexOf(':') + 1);
        var plan =
                visibleTo(customer).stream()
                        .filter(p -> p.get("planId").equals(body.path("planId").asText()))
                        .findFirst()
                        .orElseThrow(() -> new Problem(422, "PLAN_NOT_AVAILABLE"));
        if (plan.get("interval") == null) {
            throw new Problem(422, "PLAN_NOT_RECURRING");
        }
        var invoice =
                invoice(
                        owner,
                        "in_" + sequence.incrementAndGet(),
                        plan.get("name") + " (monthly)",
                        (Long) plan.get("priceUsdCents"));
        charge(owner, invoice, body.path("paymentMethodId").textValue());
        grant(owner, (Long) plan.get("aiCreditsUcr"), "Subscription " + plan.get("name"));
        var end = NOW.plus(30, ChronoUnit.DAYS);
        var subscription = new LinkedHashMap<String, Object>();
        subscription.put("subscriptionId", body.path("subscriptionId").asText());
        subscription.put("owner", owner);
        subscription.put("planId", plan.get("planId"));
        subscription.put("planName", plan.get("name"));
        subscription.put("priceUsdCents", plan.get("priceUsdCents"));
        subscription.put("allocationUcr", plan.get("aiCreditsUcr"));
        subscription.put("interval", "MONTH");
        subscription.put("status", "ACTIVE");
        subscription.put("periodNo", 1);
        subscription.put("currentPeriodStart", NOW);
        subscription.put("currentPeriodEnd", end);
        subscription.put("nextBillingAt", end);
        subscription.put("cancelAtPeriodEnd", false);
        subscription.put("latestInvoiceId", invoice.get("invoiceId"));
        subscription.put("createdAt", NOW);
        own(subscriptions, owner).add(subscription);
        return subscription;
    }

    private Object aiCredits(String owner) {
        if (!owner.startsWith("customer:")) {
            throw new Problem(400, "INVALID_ID");
        }
        var active =
                own(subscriptions, owner).stream()
                        .filter(s -> "ACTIVE".equals(s.get("status")))
                        .filter(s -> s.containsKey("allocationUcr"))
                        .findFirst();
        var tab = new LinkedHashMap<String, Object>();
        tab.put("accountId", owner);
        tab.put("balanceUcr", balanceUcr(owner));
        tab.put("reservedUcr", 0);
        tab.put("subscriptionId", active.map(s -> s.get("subscriptionId")).orElse(null));
        tab.put("monthlyAllocationUcr", active.map(s -> s.get("allocationUcr")).orElse(0L));
        tab.put("periodStart", NOW.truncatedTo(ChronoUnit.DAYS));
        tab.put("periodEnd", NOW.plus(30, ChronoUnit.DAYS));
        tab.put("usedThisPeriodUcr", 12_500_000L);
        tab.put("recentTransactions", own(transfers, owner));
        return tab;
    }

    /** Like billing's: a customer's only, a whole non-negative threshold, a plan it may buy. */
    private Object autoTopUp(String method, String owner, JsonNode body) {
        if (!owner.startsWith("customer:")) {
            throw new Problem(400, "INVALID_ID");
        }
        var customer = owner.substring(owner.indexOf(':') + 1);
        switch (method) {
            case "GET" -> {
                var settings = autoTopUps.get(owner);
                if (settings == null) {
                    throw new Problem(404, "AUTO_TOP_UP_NOT_SET");
                }
                return settings;
            }
            case "DELETE" -> {
                autoTopUps.remove(owner);
                return null;
            }
            default -> {
                var threshold = body.path("thresholdUcr");
                if (!threshold.isIntegralNumber()
                        || !threshold.canConvertToLong()
                        || threshold.asLong() < 0) {
                    throw new Problem(422, "OUT_OF_RANGE");
                }
                var planId = body.path("planId").asText();
                if (visibleTo(customer).stream().noneMatch(p -> p.get("planId").equals(planId))) {
                    throw new Problem(422, "PLAN_NOT_AVAILABLE");
                }
                var settings = new LinkedHashMap<String, Object>();
                settings.put("customerId", customer);
                settings.put("partnerId", partnerOf(customer));
                settings.put("thresholdUcr", threshold.asLong());
                settings.put("planId", planId);
                settings.put("status", "ARMED");
                settings.put("failureCode", null);
                settings.put("updatedAt", NOW);
                settings.put("recentCharges", List.of());
                autoTopUps.put(owner, settings);
                return settings;
            }
        }
    }

    private void hostedPage(HttpExchange exchange, String token) throws IOException {
        var invoice =
                invoices.values().stream()
                        .flatMap(List::stream)
                        .filter(i -> i.get("hostedPath").toString().endsWith("/" + token))
                        .findFirst();
        if (invoice.isEmpty()) {
            problem(exchange, 404, "INVOICE_NOT_FOUND");
            return;
        }
        var html =
                "<!doctype html><title>Invoice</title><h1>Invoice "
                        + invoice.get().get("number")
                        + "</h1>";
        var bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private Jwt token(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        try {
            return decoder().decode(authorization.substring("Bearer ".length()));
        } catch (JwtException e) {
            return null;
        }
    }

    private JwtDecoder decoder() {
        if (tokens == null) {
            var issuer = TestAuthorizationServer.get().url();
            var decoder = NimbusJwtDecoder.withJwkSetUri(issuer + "/oauth2/jwks").build();
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
            tokens = decoder;
        }
        return tokens;
    }

    private static void problem(HttpExchange exchange, int status, String code) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        write(
                exchange,
                status,
                Map.of(
                        "type", "about:blank",
                        "title", code,
                        "status", status,
                        "detail", "billing refused: " + code,
                        "code", code));
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        write(exchange, status, body);
    }

    private static void write(HttpExchange exchange, int status, Object body) throws IOException {
        var bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
