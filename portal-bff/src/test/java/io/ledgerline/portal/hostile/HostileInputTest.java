package io.ledgerline.portal.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import io.ledgerline.portal.support.PortalBrowser;
import io.ledgerline.portal.support.PortalBrowser.Reply;
import io.ledgerline.portal.support.PortalTestBase;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Thousands of generated hostile values (NUL and other control characters, lone surrogates, bidi
 * overrides, 1 MB strings, SQL and path fragments, huge and negative numbers, wrong types, trailing
 * JSON) in every text, id and number field of the portal's JSON API, signed in as a partner and as
 * a customer. Every answer is accepted or a 4xx problem with a code, never a 5xx, and a refused
 * command reaches no downstream service. The values come from jqwik's generators; the requests run
 * inside one Spring context, so a failure names the value that broke it.
 */
class HostileInputTest extends PortalTestBase {

    private static final int TRIES_PER_FIELD = 100;
    private static final String CREDITS = "/api/portal/partner/customers/customer:bistro/";
    private static final String KEYS = "/api/portal/gateway/keys";
    private static final String PARTNER_KEYS = "/api/portal/partner/gateway/keys";

    /** What the fake ledger and gateway refuse with: the portal asked, the service said no. */
    private static final Set<String> DOWNSTREAM_REFUSALS =
            Set.of("NOT_FOUND", "ACCOUNT_NOT_FOUND", "AI_CREDITS_DISABLED");

    /** A JSON value as it would appear in a body: a string, a number, another type, or junk. */
    static Arbitrary<String> hostileJson() {
        return Arbitraries.oneOf(
                hostileText().map(HostileInputTest::quoted),
                hostileNumber(),
                Arbitraries.of(
                        "null",
                        "true",
                        "false",
                        "{}",
                        "[]",
                        "[null]",
                        "{\"$ne\":1}",
                        "\"\"",
                        "[\"a\",1]",
                        "1e999999",
                        "-0",
                        "0x10",
                        "NaN",
                        "\"\\ud800\"",
                        "\"\\udfff\\ud800\"",
                        "\"\\u0000\"",
                        "{\"a\":",
                        "\"unterminated"));
    }

    static Arbitrary<String> hostileText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMinLength(0).ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(8),
                Arbitraries.strings().withCharRange('\ud800', '\udfff').ofMaxLength(4),
                Arbitraries.of(
                        "'; DROP TABLE portal.portal_user; --",
                        "' OR '1'='1",
                        "../../etc/passwd",
                        "..%2f..%2f",
                        "customer:harbor",
                        "partner:globex",
                        "\u202Egnp.exe",
                        "\u2066x\u2069",
                        "a\u0000b",
                        "line\nbreak",
                        "tab\there",
                        "\uFFFF",
                        "e\u0301",
                        "<script>alert(1)</script>",
                        "${jndi:ldap://x}",
                        "x".repeat(1_000_000)));
    }

    static Arbitrary<String> hostileNumber() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.bigIntegers()
                        .between(
                                new java.math.BigInteger("-1" + "0".repeat(40)),
                                new java.math.BigInteger("1" + "0".repeat(40)))
                        .map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of(
                        "0",
                        "-1",
                        "9223372036854775807",
                        "-9223372036854775808",
                        "9223372036854775808",
                        "1.5",
                        "1e3",
                        "00012",
                        "2147483648"));
    }

    @Test
    void every_field_of_a_credit_adjustment_refuses_hostile_values_without_a_5xx() {
        var acme = signedIn("acme@demo.ledgerline");
        var valid =
                Map.of(
                        "commandId",
                        "\"add-credits-1\"",
                        "amountUcr",
                        "5000000",
                        "note",
                        "\"gift\"");
        for (var kind : List.of("credits", "deductions")) {
            for (var field : valid.keySet()) {
                each(
                        hostileJson(),
                        value ->
                                acme.postRaw(
                                        CREDITS + kind,
                                        "application/json",
                                        body(valid, field, value)));
            }
        }
    }

    @Test
    void gateway_key_fields_refuse_hostile_values_without_a_5xx() {
        var bistro = signedIn("bistro@demo.ledgerline");
        var valid =
                Map.of(
                        "commandId",
                        "\"generate-key-1\"",
                        "name",
                        "\"app\"",
                        "allowedModels",
                        "[\"gpt-4o-mini\"]");
        for (var field : valid.keySet()) {
            each(
                    hostileJson(),
                    value -> bistro.postRaw(KEYS, "application/json", body(valid, field, value)));
        }
        each(
                hostileJson().map(v -> "[" + v + "]"),
                value ->
                        bistro.postRaw(
                                KEYS, "application/json", body(valid, "allowedModels", value)));
        each(
                hostileJson(),
                value ->
                        bistro.postRaw(
                                KEYS + "/key-1/revoke",
                                "application/json",
                                "{\"commandId\":" + value + "}"));
        each(
                pathSafe(),
                id ->
                        bistro.postRaw(
                                KEYS + "/" + encode(id) + "/revoke",
                                "application/json",
                                "{\"commandId\":\"revoke-key-1\"}"));
    }

    @Test
    void partner_key_fields_refuse_hostile_values_without_a_5xx() {
        var acme = signedIn("acme@demo.ledgerline");
        var valid = new java.util.LinkedHashMap<String, String>();
        valid.put("commandId", "\"partner-key-1\"");
        valid.put("name", "\"bot\"");
        valid.put("description", "\"a bot\"");
        valid.put("budgetUcr", "100000000");
        valid.put("allowedModels", "[\"gpt-4o-mini\"]");
        valid.put(
                "customerBilling",
                "{\"accountId\":\"customer:bistro\",\"profitMultiplierPercent\":150,"
                        + "\"aiCreditPriceCents\":\"1.5\"}");
        valid.put("autoTopUp", "{\"thresholdUsdCents\":100,\"amountUsdCents\":500}");
        valid.put("allowedDomains", "[\"example.com\"]");
        valid.put("requestsPerMinute", "60");
        valid.put("tokensPerMinute", "1000");
        valid.put("expiresAt", "\"2030-01-01T00:00:00Z\"");
        for (var field : valid.keySet()) {
            each(
                    hostileJson(),
                    value ->
                            acme.postRaw(
                                    PARTNER_KEYS, "application/json", body(valid, field, value)));
        }
        each(
                hostileJson(),
                value ->
                        acme.postRaw(
                                PARTNER_KEYS,
                                "application/json",
                                body(
                                        valid,
                                        "customerBilling",
                                        "{\"accountId\":"
                                                + value
                                                + ",\"aiCreditPriceCents\":\"1\"}")));
        each(
                hostileJson(),
                value ->
                        acme.postRaw(
                                PARTNER_KEYS,
                                "application/json",
                                body(
                                        valid,
                                        "customerBilling",
                                        "{\"accountId\":\"customer:bistro\",\"aiCreditPriceCents\":"
                                                + value
                                                + "}")));
        each(
                hostileJson(),
                value ->
                        acme.postRaw(
                                PARTNER_KEYS + "/pk-acme-1/top-ups",
                                "application/json",
                                "{\"commandId\":\"top-up-hostile\",\"amountUcr\":" + value + "}"));
        each(
                pathSafe(),
                id ->
                        acme.postRaw(
                                PARTNER_KEYS + "/" + encode(id) + "/regenerate",
                                "application/json",
                                "{\"commandId\":\"regenerate-1\"}"));
        each(
                hostileJson(),
                value ->
                        acme.postRaw(
                                "/api/portal/partner/gateway/budget-preview",
                                "application/json",
                                "{\"budgetUcr\":" + value + "}"));
        each(
                hostileJson(),
                value ->
                        acme.postRaw(
                                "/api/portal/partner/gateway/billing-preview",
                                "application/json",
                                "{\"model\":\"gpt-4o\",\"tokensIn\":"
                                        + value
                                        + ",\"tokensOut\":1,\"aiCreditPriceCents\":"
                                        + value
                                        + "}"));
    }

    @Test
    void the_self_service_toggle_sign_in_paths_and_paging_refuse_hostile_values_without_a_5xx() {
        var acme = signedIn("acme@demo.ledgerline");
        each(
                hostileJson(),
                value ->
                        acme.putRaw(
                                "/api/portal/partner/self-service", "{\"enabled\":" + value + "}"));
        each(
                hostileJson(),
                value ->
                        new PortalBrowser(port)
                                .postRaw(
                                        "/api/portal/session",
                                        "application/json",
                                        "{\"email\":" + value + ",\"password\":\"demo\"}"));
        each(
                hostileNumber().injectDuplicates(0.1),
                number ->
                        acme.get(
                                "/api/portal/accounts/customer:bistro/history?page="
                                        + encode(number)
                                        + "&size="
                                        + encode(number)));
        each(pathSafe(), id -> acme.get("/api/portal/accounts/" + encode(id)));
        each(
                pathSafe(),
                id ->
                        acme.postRaw(
                                "/api/portal/partner/customers/" + encode(id) + "/credits",
                                "application/json",
                                "{\"commandId\":\"add-credits-2\",\"amountUcr\":1,\"note\":\"n\"}"));
    }

    /**
     * Path segments without control characters: Tomcat refuses those (and an encoded slash) before
     * the portal sees the request, with its own HTML 400.
     */
    private static Arbitrary<String> pathSafe() {
        return hostileText()
                .filter(
                        s ->
                                s.length() < 2_000
                                        && !s.isEmpty()
                                        && s.chars()
                                                .noneMatch(
                                                        c ->
                                                                Character.isISOControl(c)
                                                                        || Character.isSurrogate(
                                                                                (char) c)
                                                                        || c == '/'
                                                                        || c == '\\')
                                        && !s.equals(".")
                                        && !s.equals("..")
                                        && !s.contains("%2f"));
    }

    private void each(Arbitrary<String> values, Function<String, Reply> send) {
        values.sampleStream()
                .limit(TRIES_PER_FIELD)
                .forEach(
                        value -> {
                            DOWNSTREAM.forget();
                            var reply = send.apply(value);
                            var shown =
                                    value.length() > 80 ? value.substring(0, 80) + "..." : value;
                            assertThat(reply.status())
                                    .as("status for %s", shown)
                                    .isBetween(200, 499);
                            if (reply.status() >= 400) {
                                assertThat(reply.contentType())
                                        .as("type for %s", shown)
                                        .startsWith("application/problem+json");
                                assertThat(reply.code()).as("code for %s", shown).isNotBlank();
                                if (DOWNSTREAM_REFUSALS.contains(reply.code())) {
                                    return;
                                }
                                assertThat(DOWNSTREAM.received())
                                        .as("downstream writes for %s", shown)
                                        .noneMatch(
                                                r ->
                                                        r.method().equals("POST")
                                                                || r.method().equals("PUT"));
                            }
                        });
    }

    private static String body(Map<String, String> valid, String field, String value) {
        var json = new StringBuilder("{");
        valid.forEach(
                (name, good) ->
                        json.append(json.length() > 1 ? "," : "")
                                .append('"')
                                .append(name)
                                .append("\":")
                                .append(name.equals(field) ? value : good));
        return json.append('}').toString();
    }

    private static String quoted(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
