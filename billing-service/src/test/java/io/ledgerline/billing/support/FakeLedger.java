package io.ledgerline.billing.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.ledgerline.contracts.ledger.Ids;
import io.ledgerline.testsupport.auth.TestAuthorizationServer;
import io.ledgerline.testsupport.auth.TestTokens;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A stand-in for the ledger's REST API in this module's tests, answering as docs/ledger-api.md
 * says: a posted command answers 200; the same commandId with the same body answers the first
 * answer again (header {@code Idempotent-Replayed: true}) without a second effect; another body
 * answers 409 {@code EXISTS_WITH_DIFFERENT_PAYLOAD}; refusals are problem+json with a code. {@code
 * POST /batches} answers each command in order as a result, with the same rules. It records every
 * command it receives. True end-to-end tests against the real ledger-service belong to the
 * integration suite.
 *
 * <p>Its doors are the ledger's: a bearer token of the test authorization server for the audience
 * {@code ledger} (401 otherwise), and every command's own scope, as the ledger's batch endpoint
 * checks them (403 for the whole request otherwise).
 */
public final class FakeLedger implements AutoCloseable {

    private static final Pattern USAGE = Pattern.compile("/api/v1/accounts/([^/]+)/usage");
    private static final Pattern SETTLE =
            Pattern.compile("/api/v1/accounts/([^/]+)/reservations/([^/]+)/settlements");

    /** One command as it arrived; {@code effective} is false for replays and refusals. */
    public record Received(
            String kind,
            String accountId,
            String reservationId,
            String commandId,
            long amountUcr,
            String usageId,
            int status,
            boolean effective,
            String note) {}

    private record FirstAnswer(
            String target, JsonNode body, int status, String code, String response) {

        boolean sameAs(String otherTarget, JsonNode otherBody) {
            return target.equals(otherTarget) && body.equals(otherBody);
        }
    }

    private static final int NO_FAILURE = -1;

    /** The scopes any one of which allows a kind of command, as the ledger's CommandScopes. */
    private static final Map<String, Set<String>> SCOPES =
            Map.of(
                    "MeterUsage", Set.of("ledger.meter"),
                    "AddCredits", Set.of("ledger.credits"),
                    "DeductCredits", Set.of("ledger.credits"),
                    "SettleReservation", Set.of("ledger.reserve", "ledger.meter"),
                    "ReserveCredits", Set.of("ledger.reserve"),
                    "ReleaseReservation", Set.of("ledger.reserve"));

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, FirstAnswer> answers = new ConcurrentHashMap<>();
    private final Set<String> closedReservations = ConcurrentHashMap.newKeySet();
    private final Set<String> brokeAccounts = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger refusedWhileDown = new AtomicInteger();
    private final Set<String> chargedUsage = ConcurrentHashMap.newKeySet();
    private final AtomicInteger httpCalls = new AtomicInteger();
    private final AtomicInteger batchCalls = new AtomicInteger();
    private final AtomicInteger failNextBatchAfter = new AtomicInteger(NO_FAILURE);
    private final Map<String, Funds> funded = new ConcurrentHashMap<>();
    private final Map<String, Hold> holds = new ConcurrentHashMap<>();
    private final Set<String> callers = ConcurrentHashMap.newKeySet();
    private volatile JwtDecoder tokens;

    /**
     * An account whose balance this fake keeps, as the ledger does: spendable micro-credits and the
     * floor usage and {@code withinGrace} holds may take it to (minus a customer's grace allowance;
     * zero for a partner). {@code lowest} is the lowest spendable balance it reached.
     */
    private static final class Funds {
        long spendable;
        final long floor;
        long lowest;

        Funds(long spendable, long floor) {
            this.spendable = spendable;
            this.floor = floor;
            this.lowest = spendable;
        }

        void move(long delta) {
            spendable = Math.addExact(spendable, delta);
            lowest = Math.min(lowest, spendable);
        }
    }

    private static final class Hold {
        long remaining;
        boolean open = true;

        Hold(long amount) {
            this.remaining = amount;
        }
    }

    private FakeLedger(HttpServer server) {
        this.server = server;
    }

    public static FakeLedger start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            var ledger = new FakeLedger(server);
            server.createContext("/api/v1/accounts", ledger::handle);
            server.createContext("/api/v1/batches", ledger::handle);
            server.start();
            return ledger;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake ledger", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
    }

    public void goDown() {
        down.set(true);
    }

    public void comeBack() {
        down.set(false);
    }

    public int refusedWhileDown() {
        return refusedWhileDown.get();
    }

    /** Every HTTP request this fake has received, batches and single commands alike. */
    public int httpCalls() {
        return httpCalls.get();
    }

    public int batchCalls() {
        return batchCalls.get();
    }

    /**
     * The next batch applies its first {@code commands} commands and then fails with 503, as a
     * ledger that dies mid-way (or whose answer is lost) would.
     */
    public void failNextBatchAfter(int commands) {
        failNextBatchAfter.set(commands);
    }

    public void closeReservation(String reservationId) {
        closedReservations.add(reservationId);
    }

    public void runOutOfCredits(String accountId) {
        brokeAccounts.add(accountId);
    }

    /** The clients (token subjects) whose requests came through this fake's doors. */
    public Set<String> callers() {
        return Set.copyOf(callers);
    }

    /** Sends a command to this fake as billing-service would, e.g. before a simulated crash. */
    public int send(String path, String jsonBody) {
        try {
            var request =
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + path))
                            .header("Content-Type", "application/json")
                            .header("Authorization", TestTokens.bearer("ledger.meter"))
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(jsonBody))
                            .build();
            return java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * From now on this fake keeps {@code accountId}'s balance: it starts at {@code spendableUcr},
     * and usage or a hold {@code withinGrace} may take it down to minus {@code graceAllowanceUcr}
     * (pass 0 for a partner), other holds down to zero; beyond that it refuses {@code
     * INSUFFICIENT_CREDITS}, as the ledger's {@code CreditAccount} does.
     */
    public synchronized void fund(String accountId, long spendableUcr, long graceAllowanceUcr) {
        funded.put(accountId, new Funds(spendableUcr, -graceAllowanceUcr));
    }

    public synchronized long spendable(String accountId) {
        return funded.get(accountId).spendable;
    }

    public synchronized long lowestSpendable(String accountId) {
        return funded.get(accountId).lowest;
    }

    /** What is still held on the account's open reservations. */
    public synchronized long reserved(String accountId) {
        return holds.entrySet().stream()
                .filter(e -> e.getKey().startsWith(accountId + "|") && e.getValue().open)
                .mapToLong(e -> e.getValue().remaining)
                .sum();
    }

    /** How many reservations on the account are still open. */
    public synchronized long openReservations(String accountId) {
        return holds.entrySet().stream()
                .filter(e -> e.getKey().startsWith(accountId + "|") && e.getValue().open)
                .count();
    }

    /** The commands that took effect on the account, in the order they arrived. */
    public List<Received> effectiveOn(String accountId) {
        return received.stream()
                .filter(Received::effective)
                .filter(r -> accountId.equals(r.accountId()))
                .toList();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> receivedFor(String usageId) {
        return received.stream().filter(r -> usageId.equals(r.usageId())).toList();
    }

    /** What took effect for every usage id of one call (its holds' and its rest's). */
    public List<Received> effectiveForCall(String callId) {
        var prefix = "call-" + callId;
        return received.stream()
                .filter(Received::effective)
                .filter(r -> r.usageId() != null && r.usageId().startsWith(prefix))
                .toList();
    }

    public List<Received> effectiveFor(String usageId) {
        return receivedFor(usageId).stream().filter(Received::effective).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            httpCalls.incrementAndGet();
            if (down.get()) {
                refusedWhileDown.incrementAndGet();
                respond(exchange, 503, problem(503, "LEDGER_UNAVAILABLE", null));
                return;
            }
            var token = token(exchange);
            if (token == null) {
                respond(exchange, 401, problem(401, "UNAUTHENTICATED", null));
                return;
            }
            var path = exchange.getRequestURI().getRawPath();
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var usage = USAGE.matcher(path);
            var settle = SETTLE.matcher(path);
            if (!mayAll(token, kindsOf(path, body))) {
                respond(exchange, 403, problem(403, "FORBIDDEN", null));
            } else if ("GET".equals(exchange.getRequestMethod())) {
                read(exchange, token, path);
            } else if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, problem(405, "METHOD_NOT_ALLOWED", null));
            } else if (path.equals("/api/v1/batches")) {
                batch(exchange, body);
            } else if (usage.matches()) {
                command(exchange, "MeterUsage", decode(usage.group(1)), null, body);
            } else if (settle.matches()) {
                command(
                        exchange,
                        "SettleReservation",
                        decode(settle.group(1)),
                        decode(settle.group(2)),
                        body);
            } else {
                respond(exchange, 404, problem(404, "NOT_FOUND", null));
            }
        }
    }

    private static final Pattern ACCOUNT_READ =
            Pattern.compile("/api/v1/accounts/([^/]+)(/history)?");

    /**
     * {@code GET /accounts/{id}} (spendable and reserved) and {@code …/history} (the effective
     * commands, newest first), with {@code ledger.read}, as the ledger's query API answers them.
     */
    private void read(HttpExchange exchange, Jwt token, String path) throws IOException {
        var scopes = token.getClaimAsStringList("scope");
        if (scopes == null || !scopes.contains("ledger.read")) {
            respond(exchange, 403, problem(403, "FORBIDDEN", null));
            return;
        }
        var matcher = ACCOUNT_READ.matcher(path);
        if (!matcher.matches()) {
            respond(exchange, 404, problem(404, "NOT_FOUND", null));
            return;
        }
        var accountId = decode(matcher.group(1));
        var answer = json.createObjectNode().put("accountId", accountId);
        if (matcher.group(2) == null) {
            answer.put("spendableUcr", funded.containsKey(accountId) ? spendable(accountId) : 0)
                    .put("reservedUcr", reserved(accountId));
        } else {
            var rows = answer.putArray("rows");
            var effective = new java.util.ArrayList<>(effectiveOn(accountId));
            java.util.Collections.reverse(effective);
            for (var command : effective) {
                boolean takes = !command.kind().equals("AddCredits");
                rows.addObject()
                        .put("eventId", "ev-" + command.commandId())
                        .put("type", command.kind())
                        .put("amountUcr", takes ? -command.amountUcr() : command.amountUcr())
                        .put("note", command.note());
            }
            answer.put("totalRows", rows.size());
        }
        respond(exchange, 200, answer.toString());
    }

    /** The request's verified token for the ledger, or null when it has none. */
    private Jwt token(HttpExchange exchange) {
        var authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        try {
            var jwt = decoder().decode(authorization.substring("Bearer ".length()));
            if (jwt.getAudience() == null || !jwt.getAudience().contains("ledger")) {
                return null;
            }
            callers.add(jwt.getSubject());
            return jwt;
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

    private List<String> kindsOf(String path, String body) throws IOException {
        if (USAGE.matcher(path).matches()) {
            return List.of("MeterUsage");
        }
        if (SETTLE.matcher(path).matches()) {
            return List.of("SettleReservation");
        }
        if (path.equals("/api/v1/batches")) {
            var kinds = new java.util.ArrayList<String>();
            json.readTree(body).path("commands").forEach(c -> kinds.add(c.path("type").asText()));
            return kinds;
        }
        return List.of();
    }

    private static boolean mayAll(Jwt token, List<String> kinds) {
        var scopes = token.getClaimAsStringList("scope");
        var held = scopes == null ? Set.<String>of() : Set.copyOf(scopes);
        return kinds.stream()
                .allMatch(
                        kind ->
                                SCOPES.getOrDefault(kind, Set.of()).stream()
                                        .anyMatch(held::contains));
    }

    private void command(
            HttpExchange exchange, String kind, String accountId, String reservationId, String body)
            throws IOException {
        var answer = apply(kind, accountId, reservationId, (ObjectNode) json.readTree(body));
        if (answer.replayed()) {
            exchange.getResponseHeaders().add("Idempotent-Replayed", "true");
        }
        respond(exchange, answer.status(), answer.response());
    }

    /**
     * {@code POST /batches}: each command answered in order, a refusal as a result; a malformed
     * command refuses the whole batch with 400 and nothing is applied, as the ledger does.
     */
    private void batch(HttpExchange exchange, String body) throws IOException {
        batchCalls.incrementAndGet();
        var commands = json.readTree(body).path("commands");
        for (var command : commands) {
            if (!Ids.isSafe(command.path("commandId").asText(null))
                    || !command.hasNonNull("accountId")
                    || (command.has("reservationId")
                            && !Ids.isSafe(command.path("reservationId").asText(null)))) {
                respond(exchange, 400, problem(400, "INVALID_REQUEST", null));
                return;
            }
        }
        int failAfter = failNextBatchAfter.getAndSet(NO_FAILURE);
        var results = json.createArrayNode();
        int posted = 0;
        for (var node : commands) {
            if (results.size() == failAfter) {
                respond(exchange, 503, problem(503, "LEDGER_UNAVAILABLE", null));
                return;
            }
            var command = (ObjectNode) node.deepCopy();
            var kind = command.remove("type").asText();
            var accountId = command.remove("accountId").asText();
            var reservation = command.remove("reservationId");
            var answer =
                    apply(
                            kind,
                            accountId,
                            reservation == null ? null : reservation.asText(),
                            command);
            var result = results.addObject().put("commandId", command.path("commandId").asText());
            if (answer.status() == 200) {
                posted++;
                result.put("outcome", "POSTED");
            } else {
                result.put("outcome", "REFUSED").put("rejection", answer.code());
            }
        }
        var response = json.createObjectNode();
        response.set("results", results);
        response.put("posted", posted).put("refused", results.size() - posted);
        respond(exchange, 200, response.toString());
    }

    private record Answer(int status, String code, String response, boolean replayed) {}

    private synchronized Answer apply(
            String kind, String accountId, String reservationId, ObjectNode command) {
        var commandId = command.path("commandId").asText(null);
        var amount = command.path("amountUcr").asLong();
        var usageId = command.path("usageId").asText(null);
        var target = kind + " " + accountId + " " + reservationId;
        var first = answers.get(commandId);
        if (first != null) {
            boolean same = first.sameAs(target, command);
            var answer =
                    same
                            ? new Answer(first.status(), first.code(), first.response(), true)
                            : refusal(409, "EXISTS_WITH_DIFFERENT_PAYLOAD", commandId);
            received.add(
                    new Received(
                            kind,
                            accountId,
                            reservationId,
                            commandId,
                            amount,
                            usageId,
                            answer.status(),
                            false,
                            command.path(command.has("reason") ? "reason" : "note").asText(null)));
            return answer;
        }
        Answer answer;
        Answer moneyRefusal = null;
        var charge = chargeOf(kind, accountId, usageId);
        if (charge != null && chargedUsage.contains(charge)) {
            answer = refusal(409, "USAGE_ALREADY_CHARGED", commandId);
        } else if (reservationId != null && closedReservations.contains(reservationId)) {
            answer = refusal(409, "RESERVATION_CLOSED", commandId);
        } else if (brokeAccounts.contains(accountId)) {
            answer = refusal(402, "INSUFFICIENT_CREDITS", commandId);
        } else if ((moneyRefusal = money(kind, accountId, reservationId, command)) != null) {
            answer = moneyRefusal;
        } else {
            answer =
                    new Answer(
                            200,
                            "POSTED",
                            "{\"commandId\":\""
                                    + commandId
                                    + "\",\"outcome\":\"POSTED\","
                                    + "\"eventIds\":[\"ev-"
                                    + commandId
                                    + "\"],\"balancesUcr\":{}}",
                            false);
        }
        if (charge != null && answer.status() == 200) {
            chargedUsage.add(charge);
        }
        answers.put(
                commandId,
                new FirstAnswer(
                        target, command, answer.status(), answer.code(), answer.response()));
        received.add(
                new Received(
                        kind,
                        accountId,
                        reservationId,
                        commandId,
                        amount,
                        usageId,
                        answer.status(),
                        answer.status() == 200,
                        command.path(command.has("reason") ? "reason" : "note").asText(null)));
        return answer;
    }

    /**
     * The usage a command charges, as the ledger keys it (account and usage id); null for a command
     * that charges no usage. The ledger charges one usage id once per account.
     */
    private static String chargeOf(String kind, String accountId, String usageId) {
        boolean charges = kind.equals("MeterUsage") || kind.equals("SettleReservation");
        return charges && usageId != null ? accountId + "|" + usageId : null;
    }

    /** The balance rules of ledger-service's CreditAccount; null when the command may post. */
    private Answer money(String kind, String accountId, String reservationId, ObjectNode command) {
        var commandId = command.path("commandId").asText(null);
        long amount = command.path("amountUcr").asLong();
        var key = accountId + "|" + reservationId;
        var funds = funded.get(accountId);
        switch (kind) {
            case "ReserveCredits" -> {
                if (holds.containsKey(key)) {
                    return refusal(409, "RESERVATION_EXISTS", commandId);
                }
                if (funds != null) {
                    long floor = command.path("withinGrace").asBoolean() ? funds.floor : 0;
                    if (funds.spendable - amount < Math.min(floor, 0)) {
                        return refusal(402, "INSUFFICIENT_CREDITS", commandId);
                    }
                    funds.move(-amount);
                }
                holds.put(key, new Hold(amount));
            }
            case "SettleReservation" -> {
                var hold = holds.get(key);
                if (hold == null) {
                    // Holds this fake never saw (key budgets) are taken as given.
                    return funds == null ? null : refusal(404, "RESERVATION_NOT_FOUND", commandId);
                }
                if (!hold.open) {
                    return refusal(409, "RESERVATION_CLOSED", commandId);
                }
                if (hold.remaining < amount) {
                    return refusal(409, "SETTLEMENT_EXCEEDS_RESERVATION", commandId);
                }
                hold.remaining -= amount;
            }
            case "ReleaseReservation" -> {
                var hold = holds.get(key);
                if (hold == null) {
                    // Holds this fake never saw (key budgets) are taken as given.
                    return funds == null ? null : refusal(404, "RESERVATION_NOT_FOUND", commandId);
                }
                if (!hold.open) {
                    return refusal(409, "RESERVATION_CLOSED", commandId);
                }
                hold.open = false;
                if (funds != null) {
                    funds.move(hold.remaining);
                }
                hold.remaining = 0;
            }
            case "AddCredits" -> {
                if (funds != null) {
                    funds.move(amount);
                }
            }
            case "DeductCredits" -> {
                if (funds != null) {
                    if (funds.spendable < amount) {
                        return refusal(402, "INSUFFICIENT_CREDITS", commandId);
                    }
                    funds.move(-amount);
                }
            }
            case "MeterUsage" -> {
                if (funds != null) {
                    if (funds.spendable - amount < funds.floor) {
                        return refusal(402, "INSUFFICIENT_CREDITS", commandId);
                    }
                    funds.move(-amount);
                }
            }
            default -> {
                return null;
            }
        }
        return null;
    }

    private static Answer refusal(int status, String code, String commandId) {
        return new Answer(status, code, problem(status, code, commandId), false);
    }

    private static String problem(int status, String code, String commandId) {
        return "{\"type\":\"about:blank\",\"title\":\""
                + code
                + "\",\"status\":"
                + status
                + ",\"code\":\""
                + code
                + "\",\"commandId\":"
                + (commandId == null ? "null" : "\"" + commandId + "\"")
                + "}";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        var type = status == 200 ? "application/json" : "application/problem+json";
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }
}
