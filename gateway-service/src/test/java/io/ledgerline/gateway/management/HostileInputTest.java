package io.ledgerline.gateway.management;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ledgerline.contracts.problem.Refusals;
import io.ledgerline.gateway.lifecycle.KeyLifecycle;
import io.ledgerline.gateway.support.Api;
import io.ledgerline.gateway.support.GatewayTestBase;
import io.ledgerline.testsupport.auth.TestTokens;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Thousands of hostile values (NUL and other control characters, lone surrogates, bidirectional
 * overrides, megabyte strings, SQL and path fragments, huge, negative and fractional numbers, wrong
 * types, trailing JSON) through every text, id and number field of the partner-key, customer-key
 * and settings endpoints. Each answer is a 4xx problem body with a known code, or the request was
 * accepted; never a 5xx. A refused create leaves no key behind.
 */
class HostileInputTest extends GatewayTestBase {

    /** Values per field: with ~40 fields, a few thousand requests in well under a minute. */
    static final int SAMPLES_PER_FIELD = 50;

    static final String HOLE = "\"__hostile__\"";

    /**
     * Writes every non-ASCII character as an escape, so lone surrogates reach the server as such.
     */
    static final ObjectMapper ESCAPING =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    static final List<String> FRAGMENTS =
            List.of(
                    "'; DROP TABLE gateway_keys; --",
                    "\" OR 1=1 --",
                    "1; SELECT pg_sleep(10)",
                    "../../etc/passwd",
                    "..%2f..%2fetc%2fpasswd",
                    "a/b",
                    "a\\b",
                    "acme;DROP",
                    "partner:acme;x=1",
                    "a?b=c",
                    "a#b",
                    "%00",
                    "${jndi:ldap://x/a}",
                    "<script>alert(1)</script>",
                    "\"}",
                    "null",
                    "true",
                    "0",
                    "-1",
                    " ",
                    "e\u0301".repeat(100),
                    "e\u0301".repeat(300),
                    "\uFEFFname",
                    "\uFFFE",
                    "\uFDD0",
                    "\u200F\u05E9\u05DC\u05D5\u05DD",
                    "\u202Egnp.exe",
                    "\u2066isolate\u2069",
                    "\uD83D\uDE00 smile",
                    "\uD83D",
                    "\uDE00",
                    "tab\there",
                    "line\nbreak",
                    "nul\u0000inside",
                    "\u0085next line");

    static final List<String> NUMBERS =
            List.of(
                    "-1",
                    "0",
                    "-0",
                    "1",
                    "1.5",
                    "1e3",
                    "1E400",
                    "-1e400",
                    "9223372036854775807",
                    "-9223372036854775808",
                    "9223372036854775808",
                    "-9223372036854775809",
                    "2147483648",
                    "123456789012345678901234567890",
                    "\"12\"",
                    "\"-1\"",
                    "true",
                    "null",
                    "[]",
                    "[1]",
                    "{}",
                    "NaN",
                    "Infinity",
                    "0x10",
                    "01",
                    "+1",
                    "1 2");

    static final List<String> WRONG_TYPES =
            List.of("1", "-1.5", "true", "[]", "[\"a\"]", "{}", "null");

    static final List<String> TRAILERS = List.of("{}", "]", "}", "x", "[]", " 1", "\"a\"");

    static final List<String> BODIES =
            List.of(
                    "",
                    "{",
                    "[]",
                    "null",
                    "\"text\"",
                    "1",
                    "{\"commandId\":",
                    "{'a':1}",
                    "{\"a\" 1}",
                    "{\"commandId\":\"a\",\"commandId\":\"b\"}");

    @Autowired KeyLifecycle lifecycle;

    /** The customer the partner keys bill. */
    String billedCustomer;

    record Case(String method, String path, byte[] body, String scope, String commandId) {}

    record Refusal(Case sent, int status) {}

    @Test
    void
            hostile_text_ids_and_numbers_are_4xx_problems_or_accepted_never_5xx_and_refused_creates_leave_no_key() {
        var partnerId = newPartner("SCALE", 1_000_000_000L);
        billedCustomer = newCustomer(partnerId, 0L);
        var keyId = createKey(partnerId);
        var settingsPartner = newPartner("STARTER", 10);
        var selfService = selfServicePartner(1_000_000_000L);
        var customerId = newCustomer(selfService, 1_000L);

        var cases = new ArrayList<Case>();
        cases.addAll(partnerKeyCases(partnerId, keyId));
        cases.addAll(customerKeyCases(selfService, customerId));
        cases.addAll(settingsCases(settingsPartner));
        cases.addAll(pathCases(partnerId, keyId, customerId));

        var refused = new ArrayList<Refusal>();
        Set<String> acceptedCommands = new HashSet<>();
        for (var sent : cases) {
            var status = send(sent);
            if (status >= 400) {
                refused.add(new Refusal(sent, status));
            } else if (sent.commandId() != null) {
                acceptedCommands.add(sent.scope() + "/" + sent.commandId());
            }
        }

        assertThat(cases).hasSizeGreaterThan(2_000);
        assertThat(refused).hasSizeGreaterThan(cases.size() / 2);
        for (var refusal : refused) {
            var sent = refusal.sent();
            if (sent.commandId() == null
                    || !sent.path().endsWith("/keys")
                    || acceptedCommands.contains(sent.scope() + "/" + sent.commandId())) {
                continue;
            }
            var wouldBe = KeyLifecycle.keyIdFor(sent.scope(), sent.commandId());
            assertThat(lifecycle.stored(wouldBe))
                    .as("key of refused %s %s", sent.path(), shown(sent.body()))
                    .isNull();
        }
    }

    private List<Case> partnerKeyCases(String partnerId, String keyId) {
        var keys = "/api/v1/partners/" + partnerId + "/keys";
        var create = (Function<String, ObjectNode>) commandId -> partnerKey(commandId);
        var cases = new ArrayList<Case>();
        for (var field : List.of("name", "description")) {
            cases.addAll(texts("POST", keys, partnerId, create, field));
        }
        cases.addAll(ids("POST", keys, partnerId, create, "commandId"));
        cases.addAll(ids("POST", keys, partnerId, create, "customerBilling.customerId"));
        cases.addAll(texts("POST", keys, partnerId, create, "customerBilling.aiCreditPriceCents"));
        cases.addAll(texts("POST", keys, partnerId, create, "allowedModels[0]"));
        cases.addAll(texts("POST", keys, partnerId, create, "allowedDomains[0]"));
        cases.addAll(lists("POST", keys, partnerId, create, "allowedModels"));
        cases.addAll(lists("POST", keys, partnerId, create, "allowedDomains"));
        for (var field :
                List.of(
                        "budgetUcr",
                        "requestsPerMinute",
                        "tokensPerMinute",
                        "customerBilling.profitMultiplierPercent",
                        "customerBilling.minCostFloorPerMillionTokensUcr",
                        "autoTopUp.thresholdUsdCents",
                        "autoTopUp.amountUsdCents",
                        "expiresAt")) {
            cases.addAll(numbers("POST", keys, partnerId, create, field));
        }
        cases.addAll(malformed("POST", keys, partnerId, create));

        var topUps = keys + "/" + keyId + "/top-ups";
        Function<String, ObjectNode> topUp =
                commandId -> object(Map.of("commandId", commandId, "amountUcr", 1));
        cases.addAll(ids("POST", topUps, partnerId, topUp, "commandId"));
        cases.addAll(numbers("POST", topUps, partnerId, topUp, "amountUcr"));
        cases.addAll(malformed("POST", topUps, partnerId, topUp));

        var regenerate = keys + "/" + keyId + "/regenerate";
        Function<String, ObjectNode> command = commandId -> object(Map.of("commandId", commandId));
        cases.addAll(ids("POST", regenerate, partnerId, command, "commandId"));
        cases.addAll(malformed("POST", regenerate, partnerId, command));

        var budget = keys + "/budget-preview";
        Function<String, ObjectNode> budgetBody = commandId -> object(Map.of("budgetUcr", 1));
        cases.addAll(numbers("POST", budget, null, budgetBody, "budgetUcr"));
        cases.addAll(malformed("POST", budget, null, budgetBody));

        var billing = keys + "/billing-preview";
        Function<String, ObjectNode> billingBody =
                commandId ->
                        object(
                                Map.of(
                                        "model",
                                        "gpt-4o-mini",
                                        "tokensIn",
                                        1000,
                                        "tokensOut",
                                        1000,
                                        "aiCreditPriceCents",
                                        "1.5"));
        cases.addAll(texts("POST", billing, null, billingBody, "model"));
        cases.addAll(texts("POST", billing, null, billingBody, "aiCreditPriceCents"));
        for (var field :
                List.of(
                        "tokensIn",
                        "tokensOut",
                        "profitMultiplierPercent",
                        "minCostFloorPerMillionTokensUcr")) {
            cases.addAll(numbers("POST", billing, null, billingBody, field));
        }
        cases.addAll(malformed("POST", billing, null, billingBody));
        return cases;
    }

    private List<Case> customerKeyCases(String partnerId, String customerId) {
        var keys = "/api/v1/customers/" + customerId + "/keys";
        Function<String, ObjectNode> create =
                commandId ->
                        object(
                                Map.of(
                                        "commandId",
                                        commandId,
                                        "name",
                                        "self service",
                                        "allowedModels",
                                        List.of("gpt-4o-mini")));
        var cases = new ArrayList<Case>();
        cases.addAll(texts("POST", keys, partnerId, create, "name"));
        cases.addAll(ids("POST", keys, partnerId, create, "commandId"));
        cases.addAll(texts("POST", keys, partnerId, create, "allowedModels[0]"));
        cases.addAll(lists("POST", keys, partnerId, create, "allowedModels"));
        cases.addAll(malformed("POST", keys, partnerId, create));
        return cases;
    }

    private List<Case> settingsCases(String partnerId) {
        var path = "/api/v1/partners/" + partnerId + "/gateway-settings";
        Function<String, ObjectNode> settings =
                commandId -> object(Map.of("tier", "STARTER", "selfServiceEnabled", false));
        var cases = new ArrayList<Case>();
        cases.addAll(texts("PUT", path, null, settings, "tier"));
        cases.addAll(texts("PUT", path, null, settings, "aiCreditPriceCents"));
        cases.addAll(numbers("PUT", path, null, settings, "defaultProfitMultiplierPercent"));
        for (var flag :
                List.of("selfServiceEnabled", "applyToNewCustomers", "applyToExistingCustomers")) {
            cases.addAll(numbers("PUT", path, null, settings, flag));
        }
        cases.addAll(malformed("PUT", path, null, settings));
        return cases;
    }

    /** Hostile ids in path segments, matrix parameters, and a hostile query parameter. */
    private List<Case> pathCases(String partnerId, String keyId, String customerId) {
        var cases = new ArrayList<Case>();
        var command = bytes(object(Map.of("commandId", "c-" + UUID.randomUUID())));
        for (var id :
                hostileStrings()
                        // An empty segment matches no route; a request line over Netty's 4 KiB
                        // is refused by the HTTP server before any handler, without a body.
                        .filter(s -> !s.isEmpty() && s.length() < 1_000)
                        .sampleStream()
                        .limit(60)
                        .toList()) {
            var segment = URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
            cases.add(get("/api/v1/partners/" + segment + "/keys"));
            cases.add(get("/api/v1/partners/" + partnerId + "/keys/" + segment));
            cases.add(get("/api/v1/partners/" + segment + "/models"));
            cases.add(get("/api/v1/partners/" + segment + "/gateway-settings"));
            cases.add(get("/api/v1/customers/" + segment + "/keys"));
            cases.add(get("/api/v1/customers/" + segment + "/gateway-status"));
            cases.add(get("/api/v1/partners/" + partnerId + "/keys?includeRevoked=" + segment));
            cases.add(
                    new Case(
                            "POST",
                            "/api/v1/partners/" + partnerId + "/keys/" + segment + "/revoke",
                            command,
                            null,
                            null));
            cases.add(
                    new Case(
                            "POST",
                            "/api/v1/customers/" + customerId + "/keys/" + segment + "/revoke",
                            command,
                            null,
                            null));
        }
        for (var matrix : List.of(";DROP", ";x=1", ";", "%3BDROP")) {
            cases.add(get("/api/v1/partners/" + partnerId + matrix + "/keys"));
            cases.add(get("/api/v1/partners/" + partnerId + "/keys/" + keyId + matrix));
            cases.add(get("/api/v1/customers/" + customerId + matrix + "/gateway-status"));
            cases.add(
                    new Case(
                            "POST",
                            "/api/v1/partners/" + partnerId + "/keys/" + keyId + matrix + "/revoke",
                            command,
                            null,
                            null));
        }
        return cases;
    }

    private static Case get(String path) {
        return new Case("GET", path, null, null, null);
    }

    private List<Case> texts(
            String method,
            String path,
            String scope,
            Function<String, ObjectNode> body,
            String field) {
        var values =
                Arbitraries.frequencyOf(
                        Tuple.of(4, hostileStrings().map(HostileInputTest::json)),
                        Tuple.of(1, Arbitraries.of(WRONG_TYPES)));
        return mutated(method, path, scope, body, field, values);
    }

    private List<Case> ids(
            String method,
            String path,
            String scope,
            Function<String, ObjectNode> body,
            String field) {
        var idLike =
                Arbitraries.strings()
                        .alpha()
                        .numeric()
                        .withChars("-_.:;/ ")
                        .ofMinLength(0)
                        .ofMaxLength(70);
        var values =
                Arbitraries.frequencyOf(
                        Tuple.of(3, hostileStrings().map(HostileInputTest::json)),
                        Tuple.of(2, idLike.map(HostileInputTest::json)),
                        Tuple.of(1, Arbitraries.of(WRONG_TYPES)));
        return mutated(method, path, scope, body, field, values);
    }

    private List<Case> numbers(
            String method,
            String path,
            String scope,
            Function<String, ObjectNode> body,
            String field) {
        var values =
                Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.of(NUMBERS)),
                        Tuple.of(2, Arbitraries.longs().map(String::valueOf)),
                        Tuple.of(1, Arbitraries.bigIntegers().map(String::valueOf)),
                        Tuple.of(1, Arbitraries.doubles().map(String::valueOf)),
                        Tuple.of(1, hostileStrings().map(HostileInputTest::json)));
        return mutated(method, path, scope, body, field, values);
    }

    private List<Case> lists(
            String method,
            String path,
            String scope,
            Function<String, ObjectNode> body,
            String field) {
        var values =
                Arbitraries.frequencyOf(
                        Tuple.of(
                                2,
                                hostileStrings().list().ofMaxSize(60).map(HostileInputTest::json)),
                        Tuple.of(
                                1,
                                Arbitraries.of(
                                        "[]",
                                        "[null]",
                                        "[[]]",
                                        "[{}]",
                                        "[1]",
                                        "\"gpt-4o-mini\"",
                                        json(List.of("gpt-4o-mini").toArray()),
                                        json(new String[10_000]))),
                        Tuple.of(1, Arbitraries.of(WRONG_TYPES)));
        return mutated(method, path, scope, body, field, values);
    }

    /** The valid body with {@code field} replaced by each raw JSON value. */
    private List<Case> mutated(
            String method,
            String path,
            String scope,
            Function<String, ObjectNode> body,
            String field,
            Arbitrary<String> rawValues) {
        var cases = new ArrayList<Case>();
        for (var raw : rawValues.sampleStream().limit(SAMPLES_PER_FIELD).toList()) {
            var commandId = "c-" + UUID.randomUUID();
            var node = body.apply(commandId);
            put(node, field, HOLE.substring(1, HOLE.length() - 1));
            var text = json(node).replace(HOLE, raw);
            if (field.equals("commandId")) {
                commandId = readString(raw);
            }
            cases.add(
                    new Case(
                            method, path, text.getBytes(StandardCharsets.UTF_8), scope, commandId));
        }
        return cases;
    }

    /** Broken JSON, trailing content, invalid UTF-8, duplicate keys. */
    private List<Case> malformed(
            String method, String path, String scope, Function<String, ObjectNode> body) {
        var cases = new ArrayList<Case>();
        for (var trailer : TRAILERS) {
            var commandId = "c-" + UUID.randomUUID();
            var text = json(body.apply(commandId)) + trailer;
            cases.add(
                    new Case(
                            method, path, text.getBytes(StandardCharsets.UTF_8), scope, commandId));
        }
        for (var text : BODIES) {
            cases.add(new Case(method, path, text.getBytes(StandardCharsets.UTF_8), null, null));
        }
        var commandId = "c-" + UUID.randomUUID();
        var valid = json(body.apply(commandId)).getBytes(StandardCharsets.UTF_8);
        var broken = new byte[valid.length + 4];
        System.arraycopy(valid, 0, broken, 0, valid.length - 1);
        broken[valid.length - 1] = ',';
        broken[valid.length] = '"';
        broken[valid.length + 1] = (byte) 0xC3;
        broken[valid.length + 2] = (byte) 0x28;
        broken[valid.length + 3] = '}';
        cases.add(new Case(method, path, broken, scope, commandId));
        return cases;
    }

    static Arbitrary<String> hostileStrings() {
        var control =
                Arbitraries.strings()
                        .withCharRange('a', 'e')
                        .withCharRange('\u0000', '\u001f')
                        .withChars('\u007f', '\u0085', '\u009f')
                        .ofMinLength(1)
                        .ofMaxLength(20);
        var surrogates =
                Arbitraries.strings()
                        .withCharRange('a', 'e')
                        .withCharRange('\uD800', '\uDFFF')
                        .ofMinLength(1)
                        .ofMaxLength(10);
        var bidi =
                Arbitraries.strings()
                        .withCharRange('\u202A', '\u202E')
                        .withCharRange('\u2066', '\u2069')
                        .withCharRange('\u05D0', '\u05EA')
                        .withCharRange('\u0627', '\u064A')
                        .withChars('\u200E', '\u200F', ' ')
                        .ofMinLength(1)
                        .ofMaxLength(20);
        var anything = Arbitraries.strings().all().ofMaxLength(30);
        var long_ =
                Arbitraries.of(100, 101, 500, 501, 5_000, 70_000, 1 << 20)
                        .map(length -> "a".repeat(length));
        return Arbitraries.frequencyOf(
                Tuple.of(3, control),
                Tuple.of(3, surrogates),
                Tuple.of(3, bidi),
                Tuple.of(4, Arbitraries.of(FRAGMENTS)),
                Tuple.of(2, anything),
                Tuple.of(1, long_));
    }

    private int send(Case sent) {
        var request =
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + management.port() + sent.path()))
                        .header("authorization", TestTokens.bearer(Api.MANAGEMENT_SCOPES))
                        .timeout(Duration.ofSeconds(30));
        if (sent.body() == null) {
            request.GET();
        } else {
            request.header("content-type", "application/json")
                    .method(sent.method(), HttpRequest.BodyPublishers.ofByteArray(sent.body()));
        }
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            // The server may answer a body over its limit and close before reading the rest.
            assertThat(sent.body()).as("%s %s: %s", sent.method(), sent.path(), e).isNotNull();
            assertThat(sent.body().length).isGreaterThan(ManagementJson.MAX_BODY_BYTES);
            return 413;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        var what = sent.method() + " " + sent.path() + " " + shown(sent.body());
        assertThat(response.statusCode()).as(what + " -> " + response.body()).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("content-type"))
                    .as(what)
                    .hasValueSatisfying(
                            type -> assertThat(type).startsWith("application/problem+json"));
            var problem = readTree(response.body());
            assertThat(Refusals.byName(problem.path("code").asText()))
                    .as(what + " -> " + response.body())
                    .isPresent();
            assertThat(problem.path("status").asInt()).isEqualTo(response.statusCode());
            assertThat(problem.path("instance").asText()).isNotEmpty();
        }
        return response.statusCode();
    }

    private String createKey(String partnerId) {
        var created = api.post("/api/v1/partners/" + partnerId + "/keys", partnerKey("base-key"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().path("keyId").asText();
    }

    private ObjectNode partnerKey(String commandId) {
        var node =
                object(
                        Map.of(
                                "commandId",
                                commandId,
                                "name",
                                "hostile",
                                "description",
                                "a key",
                                "budgetUcr",
                                1,
                                "allowedModels",
                                List.of("gpt-4o-mini"),
                                "allowedDomains",
                                List.of("example.com")));
        node.set(
                "customerBilling",
                object(Map.of("customerId", billedCustomer, "aiCreditPriceCents", "1.5")));
        node.set("autoTopUp", object(Map.of("thresholdUsdCents", 0, "amountUsdCents", 100)));
        return node;
    }

    /** Sets {@code a.b}, {@code a[0]} or {@code a} to the text {@code value}. */
    private static void put(ObjectNode node, String field, String value) {
        var dot = field.indexOf('.');
        if (dot > 0) {
            var inner = (ObjectNode) node.get(field.substring(0, dot));
            inner.put(field.substring(dot + 1), value);
        } else if (field.endsWith("[0]")) {
            node.putArray(field.substring(0, field.length() - 3)).add(value);
        } else {
            node.put(field, value);
        }
    }

    private static ObjectNode object(Map<String, ?> fields) {
        return ESCAPING.valueToTree(fields);
    }

    private static byte[] bytes(Object value) {
        return json(value).getBytes(StandardCharsets.UTF_8);
    }

    static String json(Object value) {
        try {
            return ESCAPING.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readString(String raw) {
        try {
            var node = ESCAPING.readTree(raw);
            return node.isTextual() ? node.asText() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static JsonNode readTree(String text) {
        try {
            return ESCAPING.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static String shown(byte[] body) {
        if (body == null) {
            return "";
        }
        var text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "…(" + body.length + " bytes)" : text;
    }
}
