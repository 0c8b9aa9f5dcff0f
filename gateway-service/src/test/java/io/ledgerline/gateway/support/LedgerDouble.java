package io.ledgerline.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.LedgerAccounts;
import io.ledgerline.contracts.ledger.command.ReserveKeyDeposit;
import io.ledgerline.contracts.money.Credits;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A small in-test stand-in for the ledger's HTTP command API (docs/ledger-api.md): reservations,
 * key deposits, settlements and releases, idempotent on commandId, refusing with 402
 * INSUFFICIENT_CREDITS when the partner's available balance does not cover a reservation. It
 * records every command and publishes the events the real ledger would, through {@link LedgerFeed}.
 * Like the real ledger it takes a command only with a bearer token of the test authorization
 * server, for the audience {@code ledger} with {@code ledger.reserve}; anything else is 401.
 * End-to-end tests against the real ledger-service are separate.
 */
public final class LedgerDouble {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH =
            Pattern.compile(
                    "/api/v1/accounts/([^/]+)/(reservations|key-deposits)(?:/([^/]+)/(settlements|release))?");

    /** A command the double took, and the bearer token it came with. */
    public record Command(String path, JsonNode body, String token) {}

    private record Answer(String body, int status, String json) {}

    private final LedgerFeed feed;
    private final HttpServer server;
    private final List<Command> commands = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answered = new ConcurrentHashMap<>();
    private final AtomicInteger tokensToRefuse = new AtomicInteger();
    private JwtDecoder tokens;

    public LedgerDouble(LedgerFeed feed) throws IOException {
        this.feed = feed;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/accounts/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
    }

    public List<Command> commands() {
        return commands;
    }

    public List<Command> commandsTo(String pathPart) {
        return commands.stream().filter(c -> c.path().contains(pathPart)).toList();
    }

    /** The next {@code count} tokens are refused with 401, as if they had been revoked. */
    public void refuseNextTokens(int count) {
        tokensToRefuse.set(count);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        var raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var path = exchange.getRequestURI().getPath();
        var token = acceptedToken(exchange.getRequestHeaders().getFirst("authorization"));
        if (token == null) {
            var bytes = problem(401, "UNAUTHENTICATED", "").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("www-authenticate", "Bearer error=\"invalid_token\"");
            exchange.getResponseHeaders().add("content-type", "application/problem+json");
            exchange.sendResponseHeaders(401, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
            return;
        }
        var body = JSON.readTree(raw);
        commands.add(new Command(path, body, token));
        var commandId = body.path("commandId").asText();
        var earlier = answered.get(commandId);
        Answer answer;
        if (earlier != null) {
            answer =
                    earlier.body().equals(body.toString())
                            ? earlier
                            : new Answer(
                                    body.toString(),
                                    409,
                                    problem(409, "EXISTS_WITH_DIFFERENT_PAYLOAD", commandId));
        } else {
            answer = new Answer(body.toString(), 200, null);
            answer = execute(path, body, commandId, answer);
            answered.put(commandId, answer);
        }
        var bytes =
                (answer.json() == null
                                ? "{\"commandId\":\""
                                        + commandId
                                        + "\",\"outcome\":\"POSTED\",\"eventIds\":[],\"balancesUcr\":{}}"
                                : answer.json())
                        .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .add(
                        "content-type",
                        answer.status() == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** The token of a {@code Bearer} header the real ledger would take for a reservation. */
    private String acceptedToken(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        if (tokensToRefuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return null;
        }
        var token = authorization.substring("Bearer ".length());
        try {
            var jwt = decoder().decode(token);
            var scopes = jwt.getClaimAsStringList("scope");
            return jwt.getAudience().contains("ledger") && scopes.contains("ledger.reserve")
                    ? token
                    : null;
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

    private Answer execute(String path, JsonNode body, String commandId, Answer ok) {
        var matcher = PATH.matcher(path);
        if (!matcher.matches()) {
            return new Answer(ok.body(), 404, problem(404, "NOT_FOUND", commandId));
        }
        var holder = AccountId.of(matcher.group(1));
        var partnerId = holder.holderId();
        if (matcher.group(4) == null) {
            var deposit = matcher.group(2).equals("key-deposits");
            var reservationId =
                    deposit
                            ? ReserveKeyDeposit.reservationIdFor(body.path("keyId").asText())
                            : body.path("reservationId").asText();
            var amount =
                    deposit
                            ? ReserveKeyDeposit.KEY_DEPOSIT
                            : Credits.ofMicros(body.path("amountUcr").asLong());
            if (feed.balanceOf(LedgerAccounts.partnerAvailable(partnerId)).isLessThan(amount)) {
                return new Answer(ok.body(), 402, problem(402, "INSUFFICIENT_CREDITS", commandId));
            }
            feed.reserve(partnerId, reservationId, amount, commandId);
        } else if (matcher.group(4).equals("settlements")) {
            feed.settle(
                    partnerId,
                    matcher.group(3),
                    Credits.ofMicros(body.path("amountUcr").asLong()),
                    body.path("usageId").asText(),
                    commandId);
        } else {
            feed.release(partnerId, matcher.group(3), commandId);
        }
        return ok;
    }

    private static String problem(int status, String code, String commandId) {
        return "{\"type\":\"about:blank\",\"title\":\""
                + code
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + code
                + "\",\"code\":\""
                + code
                + "\",\"commandId\":\""
                + commandId
                + "\"}";
    }
}
