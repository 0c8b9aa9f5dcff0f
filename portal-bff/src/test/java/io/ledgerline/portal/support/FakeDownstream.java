package io.ledgerline.portal.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.ledgerline.testsupport.auth.TestAuthorizationServer;

import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A small in-test HTTP server that answers like the ledger (docs/ledger-api.md: account views,
 * history pages, commands, problem bodies with a code) and like the gateway's key API
 * (gateway-settings, customer keys) and notification-service's feed. The portal's tests need the
 * downstream answers, not the downstream services; the real services are exercised in system-tests.
 */
public final class FakeDownstream {

    public record Account(
            String accountId, String partnerId, boolean aiCreditsEnabled, long spendableUcr) {}

    /**
     * One call as the fake saw it: {@code caller} is the service token's subject (the client id),
     * {@code actor} the person the portal named on a write.
     */
    public record Received(
            String method, String path, JsonNode body, String caller, String actor) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FEED =
            Pattern.compile("/api/v1/accounts/([^/]+)/feed(/unread|/read|/([^/]+)/read)?");
    private static final Pattern ACCOUNT = Pattern.compile("/api/v1/accounts/([^/]+)(/.*)?");
    private static final Pattern SETTINGS =
            Pattern.compile("/api/v1/partners/([^/]+)/gateway-settings");
    private static final Pattern KEYS = Pattern.compile("/api/v1/customers/([^/]+)/keys");
    private static final Pattern REVOKE =
            Pattern.compile("/api/v1/customers/([^/]+)/keys/([^/]+)/revoke");
    private static final Pattern MODELS = Pattern.compile("/api/v1/partners/([^/]+)/models");
    private static final List<Map<String, Object>> CATALOGUE =
            List.of(
                    price("gpt-4o-mini", "BUDGET", 15_000_000L, 60_000_000L),
                    price("gpt-4.1-mini", "MID", 40_000_000L, 160_000_000L),
                    price("gpt-4o", "PREMIUM", 250_000_000L, 1_000_000_000L));
    private static final Pattern PARTNER_KEYS =
            Pattern.compile(
                    "/api/v1/partners/([^/]+)/keys(/budget-preview|/billing-preview"
                            + "|/([^/]+)/(top-ups|regenerate|revoke))?");

    /**
     * An account whose credits and keys change as commands arrive, for the browser tests: adding or
     * deducting moves its balance and adds a history row (once per command id), keys are created
     * with their name and models and can be revoked.
     */
    private static final class Live {
        long balanceUcr;
        final List<Map<String, Object>> rows = new CopyOnWriteArrayList<>();
        final Map<String, Map<String, Object>> answers = new ConcurrentHashMap<>();
        final List<Map<String, Object>> keys = new CopyOnWriteArrayList<>();

        Live(long balanceUcr) {
            this.balanceUcr = balanceUcr;
        }
    }

    private final HttpServer server;
    private volatile JwtDecoder tokens;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, Boolean> selfService = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private final Map<Long, FeedItem> feedItems = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, Object>>> partnerKeys = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> aiSettings = new ConcurrentHashMap<>();

    /** An item of an account's notification feed, as notification-service keeps it. */
    public record FeedItem(
            long itemId, String accountId, String kind, String title, String body, boolean read) {

        FeedItem readNow() {
            return new FeedItem(itemId, accountId, kind, title, body, true);
        }

        Map<String, Object> view() {
            return Map.of(
                    "itemId",
                    itemId,
                    "alertId",
                    "alert-" + itemId,
                    "kind",
                    kind,
                    "title",
                    title,
                    "body",
                    body,
                    "createdAt",
                    java.time.Instant.ofEpochSecond(1_795_000_000L + itemId * 60).toString(),
                    "read",
                    read);
        }
    }

    public FakeDownstream() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    public String ledgerUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
    }

    public String notificationUrl() {
        return gatewayUrl();
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void account(Account account) {
        accounts.put(account.accountId(), account);
        aiSettings.remove(account.accountId());
        live.remove(account.accountId());
    }

    /** From now until {@link #account} sets it again, this account answers as a live ledger. */
    public void live(String accountId) {
        live.put(accountId, new Live(accounts.get(accountId).spendableUcr()));
    }

    /**
     * Each partner's keys as the gateway's partner key API keeps them: acme has "Website bot" (100
     * credits budget, 12.5 spent), globex has "key-harbor".
     */
    public void partnerKeysAsSeeded() {
        partnerKeys.clear();
        partnerKeys.put(
                "acme",
                new CopyOnWriteArrayList<>(
                        List.of(partnerKey("pk-acme-1", "Website bot", 100_000_000L))));
        partnerKeys.put(
                "globex",
                new CopyOnWriteArrayList<>(
                        List.of(partnerKey("key-harbor", "Harbor bot", 50_000_000L))));
    }

    public void selfService(String partnerId, boolean enabled) {
        selfService.put(partnerId, enabled);
    }

    /** Replaces every feed with these items (ids unique across accounts, as the service's are). */
    public void feeds(List<FeedItem> items) {
        feedItems.clear();
        items.forEach(item -> feedItems.put(item.itemId(), item));
    }

    public FeedItem feedItem(long itemId) {
        return feedItems.get(itemId);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public void forget() {
        received.clear();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            var path = exchange.getRequestURI().getPath();
            var method = exchange.getRequestMethod();
            var bytes = exchange.getRequestBody().readAllBytes();
            var caller = caller(exchange.getRequestHeaders().getFirst("Authorization"));
            var json = bytes.length == 0 ? null : JSON.readTree(bytes);
            received.add(
                    new Received(
                            method,
                            path,
                            json,
                            caller,
                            exchange.getRequestHeaders().getFirst("X-Ledgerline-Actor")));
            if (caller == null) {
                problem(exchange, 401, "UNAUTHENTICATED");
                return;
            }
            var feed = FEED.matcher(path);
            if (feed.matches()) {
                answerFeed(exchange, method, feed.group(1), feed.group(2), feed.group(3));
                return;
            }
            var settings = SETTINGS.matcher(path);
            var keys = KEYS.matcher(path);
            var account = ACCOUNT.matcher(path);
            var revoke = REVOKE.matcher(path);
            var customerId =
                    keys.matches() ? keys.group(1) : revoke.matches() ? revoke.group(1) : "";
            var liveKeys = live.get("customer:" + customerId);
            var partnerKeyPath = PARTNER_KEYS.matcher(path);
            if (partnerKeyPath.matches()) {
                answerPartnerKeys(exchange, method, partnerKeyPath, json);
            } else if (MODELS.matcher(path).matches()) {
                send(exchange, 200, CATALOGUE);
            } else if (liveKeys != null) {
                answerLiveKeys(exchange, method, customerId, revoke, json, liveKeys);
            } else if (settings.matches()) {
                var partnerId = settings.group(1);
                if (method.equals("PUT") && json != null && json.has("selfServiceEnabled")) {
                    selfService.put(partnerId, json.path("selfServiceEnabled").asBoolean());
                }
                send(
                        exchange,
                        200,
                        Map.of(
                                "partnerId",
                                partnerId,
                                "selfServiceEnabled",
                                selfService.getOrDefault(partnerId, false)));
            } else if (keys.matches() && method.equals("GET")) {
                send(exchange, 200, List.of(key(keys.group(1), null)));
            } else if (keys.matches()) {
                send(exchange, 201, key(keys.group(1), "llk_once_only_secret"));
            } else if (account.matches()) {
                answerLedger(exchange, method, account.group(1), account.group(2), bytes);
            } else {
                problem(exchange, 404, "NOT_FOUND");
            }
        }
    }

    /**
     * The subject of a bearer token the test authorization server signed and that has not expired,
     * as a service would check it; {@code null} for anything else.
     */
    private String caller(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        try {
            return decoder().decode(authorization.substring("Bearer ".length())).getSubject();
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

    private void answerLedger(
            HttpExchange exchange, String method, String accountId, String rest, byte[] body)
            throws IOException {
        var account = accounts.get(accountId);
        var liveAccount = live.get(accountId);
        if (account != null && liveAccount != null) {
            answerLiveLedger(exchange, method, account, rest, body, liveAccount);
        } else if (account == null) {
            problem(exchange, 404, "ACCOUNT_NOT_FOUND");
        } else if (rest == null && method.equals("GET")) {
            send(exchange, 200, view(account, account.spendableUcr(), aiSettings.get(accountId)));
        } else if ("/history".equals(rest)) {
            send(
                    exchange,
                    200,
                    Map.of(
                            "accountId",
                            accountId,
                            "page",
                            0,
                            "size",
                            20,
                            "totalRows",
                            1,
                            "rows",
                            List.of(
                                    Map.of(
                                            "eventId",
                                            "e1",
                                            "type",
                                            "Added",
                                            "amountUcr",
                                            500_000_000L,
                                            "balanceAfterUcr",
                                            500_000_000L,
                                            "note",
                                            "Welcome pack",
                                            "occurredAt",
                                            "2026-11-23T06:00:00Z"))));
        } else if ("/ai-credits".equals(rest) && method.equals("PUT")) {
            var settings = JSON.readTree(body);
            accounts.put(
                    accountId,
                    new Account(
                            accountId,
                            account.partnerId(),
                            settings.path("enabled").asBoolean(),
                            account.spendableUcr()));
            aiSettings.put(accountId, settings);
            send(
                    exchange,
                    200,
                    Map.of(
                            "commandId",
                            settings.path("commandId").asText(),
                            "outcome",
                            "POSTED",
                            "eventIds",
                            List.of("event-" + settings.path("commandId").asText()),
                            "balancesUcr",
                            Map.of()));
        } else if ("/credits".equals(rest) && !account.aiCreditsEnabled()) {
            problem(exchange, 409, "AI_CREDITS_DISABLED");
        } else {
            var commandId = JSON.readTree(body).path("commandId").asText();
            var spendable = "customer/" + accountId.substring(accountId.indexOf(':') + 1) + "/ai";
            send(
                    exchange,
                    200,
                    Map.of(
                            "commandId",
                            commandId,
                            "outcome",
                            "POSTED",
                            "eventIds",
                            List.of("event-" + commandId),
                            "balancesUcr",
                            Map.of(
                                    spendable,
                                    510_000_000L,
                                    "partner/" + account.partnerId() + "/ai-issuance",
                                    -510_000_000L)));
        }
    }

    private void answerLiveLedger(
            HttpExchange exchange,
            String method,
            Account account,
            String rest,
            byte[] body,
            Live state)
            throws IOException {
        if (rest == null && method.equals("GET")) {
            send(
                    exchange,
                    200,
                    view(account, state.balanceUcr, aiSettings.get(account.accountId())));
            return;
        }
        if ("/history".equals(rest)) {
            var query = exchange.getRequestURI().getQuery();
            int page = queryInt(query, "page", 0);
            int size = queryInt(query, "size", 20);
            var rows = state.rows;
            var from = Math.min(rows.size(), page * size);
            var to = Math.min(rows.size(), from + size);
            send(
                    exchange,
                    200,
                    Map.of(
                            "accountId", account.accountId(),
                            "page", page,
                            "size", size,
                            "totalRows", rows.size(),
                            "rows", rows.subList(from, to)));
            return;
        }
        var command = JSON.readTree(body);
        var commandId = command.path("commandId").asText();
        var earlier = state.answers.get(commandId);
        if (earlier != null) {
            send(exchange, 200, earlier);
            return;
        }
        long amount = command.path("amountUcr").asLong();
        boolean adding = "/credits".equals(rest);
        synchronized (state) {
            if (!adding && amount > state.balanceUcr) {
                problem(exchange, 409, "INSUFFICIENT_CREDITS");
                return;
            }
            state.balanceUcr += adding ? amount : -amount;
            var eventId = "event-" + commandId;
            state.rows.add(
                    0,
                    Map.of(
                            "eventId",
                            eventId,
                            "type",
                            adding ? "Added" : "Deducted",
                            "amountUcr",
                            adding ? amount : -amount,
                            "balanceAfterUcr",
                            state.balanceUcr,
                            "note",
                            command.path("note").asText(),
                            "occurredAt",
                            java.time.Instant.now().toString()));
            var spendable =
                    "customer/"
                            + account.accountId().substring(account.accountId().indexOf(':') + 1)
                            + "/ai";
            Map<String, Object> answer =
                    Map.of(
                            "commandId",
                            commandId,
                            "outcome",
                            "POSTED",
                            "eventIds",
                            List.of(eventId),
                            "balancesUcr",
                            Map.of(spendable, state.balanceUcr));
            state.answers.put(commandId, answer);
            send(exchange, 200, answer);
        }
    }

    private void answerLiveKeys(
            HttpExchange exchange,
            String method,
            String customerId,
            java.util.regex.Matcher revoke,
            JsonNode json,
            Live state)
            throws IOException {
        if (revoke.matches()) {
            for (int i = 0; i < state.keys.size(); i++) {
                var key = state.keys.get(i);
                if (key.get("keyId").equals(revoke.group(2))) {
                    var revoked = new java.util.HashMap<>(key);
                    revoked.put("status", "REVOKED");
                    state.keys.set(i, revoked);
                    send(exchange, 200, revoked);
                    return;
                }
            }
            problem(exchange, 404, "KEY_NOT_FOUND");
        } else if (method.equals("GET")) {
            send(exchange, 200, state.keys);
        } else {
            var key = new java.util.HashMap<>(key(customerId, null));
            key.put("keyId", "key-" + (state.keys.size() + 1));
            key.put("name", json.path("name").asText());
            key.put("allowedModels", JSON.convertValue(json.path("allowedModels"), List.class));
            key.put("prefix", "llk_" + (state.keys.size() + 1) + "ab");
            state.keys.add(key);
            var created = new java.util.HashMap<>(key);
            created.put("secret", "llk_live_secret_" + java.util.UUID.randomUUID());
            send(exchange, 201, created);
        }
    }

    /**
     * The partner key API: create (201 with the secret), list, top up (the budget grows),
     * regenerate (a new secret), revoke (REVOKED, remaining 0), and both previews with a 10% fee.
     */
    private void answerPartnerKeys(
            HttpExchange exchange, String method, java.util.regex.Matcher path, JsonNode json)
            throws IOException {
        var keys = partnerKeys.computeIfAbsent(path.group(1), p -> new CopyOnWriteArrayList<>());
        var rest = path.group(2);
        if (rest == null && method.equals("GET")) {
            send(exchange, 200, keys);
        } else if (rest == null) {
            long budget = json.path("budgetUcr").asLong();
            var key =
                    partnerKey(
                            "pk-" + path.group(1) + "-" + (keys.size() + 1),
                            json.path("name").asText(),
                            budget);
            key.put("allowedModels", JSON.convertValue(json.path("allowedModels"), List.class));
            if (json.hasNonNull("description")) {
                key.put("description", json.path("description").asText());
            }
            if (json.hasNonNull("customerBilling")) {
                key.put("customerId", json.path("customerBilling").path("customerId").asText());
            }
            keys.add(key);
            var created = new java.util.HashMap<>(key);
            created.put("secret", "llk_partner_secret_" + java.util.UUID.randomUUID());
            send(exchange, 201, created);
        } else if (rest.equals("/budget-preview")) {
            long budget = json.path("budgetUcr").asLong();
            send(
                    exchange,
                    200,
                    Map.of(
                            "tier",
                            "GROWTH",
                            "budgetUcr",
                            budget,
                            "platformFeePercent",
                            10,
                            "platformFeeUcr",
                            budget / 10,
                            "totalUcr",
                            budget + budget / 10));
        } else if (rest.equals("/billing-preview")) {
            send(
                    exchange,
                    200,
                    Map.of(
                            "model", json.path("model").asText(),
                            "platformCostUcr", 75_000L,
                            "customerChargeAiUcr", 150_000L,
                            "customerChargePlatformEquivalentUcr", 150_000L));
        } else {
            var key =
                    keys.stream()
                            .filter(k -> k.get("keyId").equals(path.group(3)))
                            .findFirst()
                            .orElse(null);
            if (key == null) {
                problem(exchange, 404, "KEY_NOT_FOUND");
                return;
            }
            var answer = new java.util.HashMap<>(key);
            switch (path.group(4)) {
                case "top-ups" -> {
                    long budget = (Long) key.get("budgetUcr") + json.path("amountUcr").asLong();
                    key.put("budgetUcr", budget);
                    key.put("remainingUcr", budget - (Long) key.get("spentUcr"));
                    answer = new java.util.HashMap<>(key);
                }
                case "regenerate" -> answer.put("secret", "llk_regenerated_" + key.get("keyId"));
                default -> {
                    key.put("status", "REVOKED");
                    key.put("remainingUcr", 0L);
                    answer = new java.util.HashMap<>(key);
                }
            }
            send(exchange, 200, answer);
        }
    }

    private static Map<String, Object> price(String model, String tier, long in, long out) {
        return Map.of(
                "model", model, "tier", tier, "inputPerMillionUcr", in, "outputPerMillionUcr", out);
    }

    private static Map<String, Object> partnerKey(String keyId, String name, long budgetUcr) {
        var key = new ConcurrentHashMap<String, Object>();
        key.put("keyId", keyId);
        key.put("kind", "PARTNER");
        key.put("name", name);
        key.put("prefix", "llk_" + keyId.hashCode() % 1000);
        key.put("status", "ACTIVE");
        key.put("allowedModels", List.of("gpt-4o-mini"));
        key.put("allowedDomains", List.of());
        key.put("budgetUcr", budgetUcr);
        key.put("spentUcr", 12_500_000L);
        key.put("remainingUcr", budgetUcr - 12_500_000L);
        key.put("reservedUcr", 0L);
        key.put("platformFeeUcr", budgetUcr / 10);
        key.put("rateLimits", Map.of("requestsPerMinute", 60, "tokensPerMinute", 0));
        key.put("createdAt", "2026-11-23T06:00:00Z");
        return key;
    }

    /** The feed API of notification-service README: newest first, per account only. */
    private void answerFeed(
            HttpExchange exchange, String method, String accountId, String rest, String itemId)
            throws IOException {
        var own =
                feedItems.values().stream()
                        .filter(item -> item.accountId().equals(accountId))
                        .sorted(java.util.Comparator.comparingLong(FeedItem::itemId).reversed())
                        .toList();
        long unread = own.stream().filter(item -> !item.read()).count();
        if (rest == null && method.equals("GET")) {
            var query = exchange.getRequestURI().getQuery();
            int size = queryInt(query, "size", 20);
            long before = queryInt(query, "before", Integer.MAX_VALUE);
            var older = own.stream().filter(item -> item.itemId() < before).toList();
            var page = older.subList(0, Math.min(size, older.size()));
            var body = new java.util.HashMap<String, Object>();
            body.put("unreadCount", unread);
            body.put("items", page.stream().map(FeedItem::view).toList());
            body.put("nextBefore", older.size() > size ? page.get(size - 1).itemId() : null);
            send(exchange, 200, body);
        } else if ("/unread".equals(rest) && method.equals("GET")) {
            send(exchange, 200, Map.of("unreadCount", unread));
        } else if ("/read".equals(rest) && method.equals("POST")) {
            own.forEach(item -> feedItems.put(item.itemId(), item.readNow()));
            exchange.sendResponseHeaders(204, -1);
        } else if (itemId != null && method.equals("POST")) {
            var item =
                    own.stream().filter(i -> String.valueOf(i.itemId()).equals(itemId)).findFirst();
            if (item.isEmpty()) {
                problem(exchange, 404, "FEED_ITEM_NOT_FOUND");
                return;
            }
            feedItems.put(item.get().itemId(), item.get().readNow());
            exchange.sendResponseHeaders(204, -1);
        } else {
            problem(exchange, 404, "NOT_FOUND");
        }
    }

    private static int queryInt(String query, String name, int fallback) {
        if (query == null) {
            return fallback;
        }
        for (var part : query.split("&")) {
            var eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).equals(name)) {
                return Integer.parseInt(part.substring(eq + 1));
            }
        }
        return fallback;
    }

    /** {@code configured}: the last AI-credit settings a PUT sent, else the demo's. */
    private static Map<String, Object> view(
            Account account, long spendableUcr, JsonNode configured) {
        var kind = account.accountId().startsWith("partner:") ? "partner" : "customer";
        var settings =
                Map.of(
                        "enabled",
                        account.aiCreditsEnabled(),
                        "pricePerMinuteUcr",
                        configured == null ? 120000 : configured.path("pricePerMinuteUcr").asLong(),
                        "graceSeconds",
                        configured == null ? 30 : configured.path("graceSeconds").asLong(),
                        "lowCreditThresholdUcr",
                        configured == null
                                ? 100_000_000L
                                : configured.path("lowCreditThresholdUcr").asLong(),
                        "lowCreditNotifications",
                        configured == null || configured.path("lowCreditNotifications").asBoolean(),
                        "updatedAt",
                        "2026-11-23T06:00:00Z");
        return Map.of(
                "accountId",
                account.accountId(),
                "kind",
                kind,
                "partnerId",
                account.partnerId(),
                "aiCredits",
                settings,
                "balances",
                List.of(),
                "spendableUcr",
                spendableUcr,
                "reservedUcr",
                0,
                "lastUpdated",
                "2026-11-23T06:00:00Z");
    }

    private static Map<String, Object> key(String customerId, String secret) {
        var key =
                new java.util.HashMap<String, Object>(
                        Map.of(
                                "keyId",
                                "key-1",
                                "kind",
                                "CUSTOMER_SELF_SERVICE",
                                "customerId",
                                customerId,
                                "name",
                                "My app",
                                "prefix",
                                "llk_abc",
                                "status",
                                "ACTIVE",
                                "allowedModels",
                                List.of("gpt-4o-mini"),
                                "spentUcr",
                                0,
                                "createdAt",
                                "2026-11-23T06:00:00Z"));
        if (secret != null) {
            key.put("secret", secret);
        }
        return key;
    }

    private static void problem(HttpExchange exchange, int status, String code) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        write(
                exchange,
                status,
                Map.of(
                        "type",
                        "about:blank",
                        "title",
                        code,
                        "status",
                        status,
                        "detail",
                        "refused: " + code,
                        "code",
                        code));
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
