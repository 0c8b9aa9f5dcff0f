package io.ledgerline.ledger.api;

import static io.ledgerline.ledger.api.LedgerApiClient.newId;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.ledgerline.ledger.history.LedgerScenario;
import io.ledgerline.testsupport.LedgerlineIntegrationTest;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.UriUtils;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Thousands of hostile strings (control characters, NUL, lone surrogates, bidi and RTL marks, SQL
 * and path fragments, up to 10 MB) through every text and id field of every command endpoint: each
 * answer is accepted or a 4xx problem, never a 5xx, and the read side still catches up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LedgerlineIntegrationTest
class HostileInputPropertyTest {

    private static final int SHORT_TRIES = 1_500;
    private static final int LARGE_TRIES = 6;
    private static final int MAX_LARGE_CHARS = 10_000_000;

    /** Bodies escape every non-ASCII character, so lone surrogates travel as sent. */
    private static final ObjectMapper WIRE =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private static final List<String> FRAGMENTS =
            List.of(
                    "\u0000",
                    "a\u0000b",
                    "\uD800",
                    "\uDC00x",
                    "\u202E",
                    "\u2066",
                    "\u200F",
                    "\u200E",
                    "\uFEFF",
                    "\uFFFF",
                    "\uFDD0",
                    "e\u0301",
                    "\n",
                    "\r\n",
                    "\t",
                    "\u0085",
                    "' OR 1=1; DROP TABLE ledger.command_log;--",
                    "\"); --",
                    "../../etc/passwd",
                    "..\\..\\",
                    "%00",
                    "%2e%2e%2f",
                    "a;b",
                    "x/y",
                    "?q=1",
                    "#frag",
                    "partner:acme",
                    "key-deposit-k",
                    " ",
                    "",
                    "\u05D0\u05D1",
                    "\uD83D\uDE00",
                    "null");

    /** Endpoint, the hostile field, and whether the field sits in the path. */
    private record Target(String endpoint, String field, boolean inPath) {}

    private static final List<Target> TARGETS =
            List.of(
                    new Target("open", "commandId", false),
                    new Target("open", "accountId", false),
                    new Target("open", "partnerId", false),
                    new Target("credits", "commandId", false),
                    new Target("credits", "note", false),
                    new Target("credits", "accountId", true),
                    new Target("deductions", "reason", false),
                    new Target("reversals", "eventId", false),
                    new Target("reversals", "reason", false),
                    new Target("usage", "usageId", false),
                    new Target("usage", "description", false),
                    new Target("reservations", "reservationId", false),
                    new Target("reservations", "purpose", false),
                    new Target("settlements", "usageId", false),
                    new Target("settlements", "reservationId", true),
                    new Target("release", "reason", false),
                    new Target("key-deposits", "keyId", false),
                    new Target("ai-credits", "commandId", false),
                    new Target("batch", "note", false),
                    new Target("batch", "accountId", false));

    @Autowired TestRestTemplate http;

    @Autowired JdbcTemplate jdbc;

    @Test
    void hostile_strings_in_every_text_and_id_field_are_4xx_problems_or_accepted() {
        var api = new LedgerApiClient(http);
        var partnerId = api.openFundedPartner(1_000_000_000_000L);
        var partner = "partner:" + partnerId;
        var reservation = newId("res");
        LedgerApiClient.expectOk(api.reserve(partner, reservation, 100_000_000, 0, "fuzz"));
        var accepted = new AtomicLong();

        var targets = Arbitraries.of(TARGETS);
        var shortOnes = hostile(80).sampleStream().limit(SHORT_TRIES).iterator();
        var pick = targets.sampleStream().iterator();
        while (shortOnes.hasNext()) {
            send(pick.next(), shortOnes.next(), partner, reservation, accepted);
        }
        var large = hostile(16).map(s -> repeat(s, MAX_LARGE_CHARS));
        var largeOnes = large.sampleStream().limit(LARGE_TRIES).iterator();
        while (largeOnes.hasNext()) {
            var target = pick.next();
            var value = largeOnes.next();
            send(
                    target.inPath() ? new Target("credits", "note", false) : target,
                    value,
                    partner,
                    reservation,
                    accepted);
        }

        LedgerScenario.awaitReadSideCaughtUp(jdbc);
        assertThat(accepted.get()).isPositive();
    }

    private static Arbitrary<String> hostile(int maxLength) {
        var anyChars = Arbitraries.strings().all().ofMaxLength(maxLength);
        var fragments =
                Arbitraries.of(FRAGMENTS).list().ofMaxSize(4).map(parts -> String.join("", parts));
        var safe =
                Arbitraries.strings()
                        .withCharRange('a', 'z')
                        .numeric()
                        .ofMinLength(1)
                        .ofMaxLength(maxLength);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, anyChars),
                net.jqwik.api.Tuple.of(4, fragments),
                net.jqwik.api.Tuple.of(2, safe),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("u".repeat(65))));
    }

    private static String repeat(String s, int maxChars) {
        var unit = s.isEmpty() ? "\u0000" : s;
        return unit.repeat(Math.max(1, maxChars / unit.length()));
    }

    private void send(
            Target target, String value, String partner, String reservation, AtomicLong accepted) {
        var account = target.field().equals("accountId") && target.inPath() ? value : partner;
        var held = target.field().equals("reservationId") && target.inPath() ? value : reservation;
        var body = new HashMap<String, Object>(validBody(target.endpoint(), partner));
        if (!target.inPath()) {
            body.put(target.field(), value);
        }
        if (target.endpoint().equals("batch")) {
            var command = new HashMap<String, Object>(validBody("credits", partner));
            command.put("type", "AddCredits");
            command.put("accountId", partner);
            command.put(target.field(), value);
            body = new HashMap<>(Map.of("commands", List.of(command)));
        }
        var path = path(target.endpoint(), account, held);
        var method = target.endpoint().equals("ai-credits") ? HttpMethod.PUT : HttpMethod.POST;
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String json;
        try {
            json = WIRE.writeValueAsString(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        var response =
                http.exchange(
                        URI.create(http.getRootUri() + path),
                        method,
                        new HttpEntity<>(json, headers),
                        String.class);
        int status = response.getStatusCode().value();
        var shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        assertThat(status)
                .as("%s %s=%s: %s", path, target.field(), shown, response.getBody())
                .isLessThan(500);
        if (status >= 400 && !target.inPath()) {
            assertThat(response.getHeaders().getContentType())
                    .as("%s %s", path, target.field())
                    .isNotNull();
            assertThat(response.getHeaders().getContentType().toString())
                    .contains("application/problem+json");
        } else if (status < 300) {
            accepted.incrementAndGet();
        }
    }

    private static String path(String endpoint, String account, String reservation) {
        var a = UriUtils.encodePathSegment(account, StandardCharsets.UTF_8);
        var r = UriUtils.encodePathSegment(reservation, StandardCharsets.UTF_8);
        return "/api/v1"
                + switch (endpoint) {
                    case "open" -> "/accounts";
                    case "batch" -> "/batches";
                    case "settlements" -> "/accounts/" + a + "/reservations/" + r + "/settlements";
                    case "release" -> "/accounts/" + a + "/reservations/" + r + "/release";
                    default -> "/accounts/" + a + "/" + endpoint;
                };
    }

    private static Map<String, Object> validBody(String endpoint, String partner) {
        var id = newId("f");
        return switch (endpoint) {
            case "open" ->
                    Map.of(
                            "commandId",
                            id,
                            "accountId",
                            partner,
                            "partnerId",
                            partner.substring("partner:".length()));
            case "deductions" -> Map.of("commandId", id, "amountUcr", 1, "reason", "r");
            case "reversals" -> Map.of("commandId", id, "eventId", newId("e"), "reason", "r");
            case "usage" ->
                    Map.of(
                            "commandId",
                            id,
                            "amountUcr",
                            1,
                            "usageId",
                            newId("u"),
                            "description",
                            "d");
            case "reservations" ->
                    Map.of(
                            "commandId",
                            id,
                            "reservationId",
                            newId("r"),
                            "amountUcr",
                            1,
                            "timeoutSeconds",
                            60,
                            "purpose",
                            "p");
            case "settlements" -> Map.of("commandId", id, "amountUcr", 1, "usageId", newId("u"));
            case "release" -> Map.of("commandId", id, "reason", "r");
            case "key-deposits" -> Map.of("commandId", id, "keyId", newId("k"));
            case "ai-credits" ->
                    Map.of(
                            "commandId",
                            id,
                            "enabled",
                            true,
                            "pricePerMinuteUcr",
                            1,
                            "graceSeconds",
                            0,
                            "lowCreditThresholdUcr",
                            0,
                            "lowCreditNotifications",
                            false);
            default -> Map.of("commandId", id, "amountUcr", 1, "note", "n");
        };
    }
}
