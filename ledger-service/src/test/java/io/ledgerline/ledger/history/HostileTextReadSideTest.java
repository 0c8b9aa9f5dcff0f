package io.ledgerline.ledger.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.contracts.ledger.Texts;
import io.ledgerline.contracts.ledger.command.AddCredits;
import io.ledgerline.contracts.ledger.command.DeductCredits;
import io.ledgerline.contracts.ledger.command.MeterUsage;
import io.ledgerline.contracts.ledger.command.ReleaseReservation;
import io.ledgerline.contracts.ledger.command.ReserveCredits;
import io.ledgerline.contracts.ledger.command.SettleReservation;
import io.ledgerline.contracts.ledger.event.LedgerEventTypes;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.ledger.writer.LedgerWriter;
import io.ledgerline.testsupport.LedgerlineIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Nothing the write side accepts is unprojectable: every ledger event type, each free-text field
 * holding the most hostile text {@code Texts} accepts, goes through the real writer, projection and
 * PostgreSQL, and comes back from the query API exactly as it went in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LedgerlineIntegrationTest
class HostileTextReadSideTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON =
            new ParameterizedTypeReference<>() {};

    /** SQL, quotes, backslashes, RTL marks, a BOM, combining marks, ZWJ emoji, astral planes. */
    private static final String HOSTILE =
            "'; DROP TABLE ledger_read.history; -- \"quoted\" \\back\\slash\\ {field} _% "
                    + "\u200F\u200E שלום مرحبا q\u0323\u0301 \uFEFF ℌ 👩\u200D👩\u200D👧 𝄞 ";

    @Autowired TestRestTemplate http;

    @Autowired LedgerWriter writer;

    @Autowired JdbcTemplate jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void every_event_type_with_hostile_text_is_projected_and_returned_exactly() {
        var scenario = new LedgerScenario(writer, jdbc).openBoth();
        var customer = scenario.customer;
        var reservation = LedgerScenario.newId("r");
        var sent = new HashMap<String, String>();
        sent.put("Added", hostile("note"));
        sent.put("Deducted", hostile("reason"));
        sent.put("Used", hostile("usage"));
        sent.put("Reserved", hostile("purpose"));
        sent.put("Released", hostile("release"));

        scenario.run(
                new AddCredits(
                        LedgerScenario.newId("add"),
                        scenario.partner,
                        Credits.ofCredits(5_000),
                        hostile("partner")));
        scenario.keyDeposit(scenario.partner);
        scenario.run(add(customer, sent.get("Added")));
        scenario.run(
                new DeductCredits(
                        LedgerScenario.newId("deduct"),
                        customer,
                        Credits.ofCredits(1),
                        sent.get("Deducted")));
        scenario.run(
                new MeterUsage(
                        LedgerScenario.newId("use"),
                        customer,
                        Credits.ofCredits(1),
                        LedgerScenario.newId("usage"),
                        sent.get("Used")));
        scenario.run(
                new ReserveCredits(
                        LedgerScenario.newId("reserve"),
                        customer,
                        reservation,
                        Credits.ofCredits(10),
                        3600,
                        sent.get("Reserved"),
                        false));
        scenario.run(
                new SettleReservation(
                        LedgerScenario.newId("settle"),
                        customer,
                        reservation,
                        Credits.ofCredits(4),
                        LedgerScenario.newId("usage")));
        scenario.run(
                new ReleaseReservation(
                        LedgerScenario.newId("release"),
                        customer,
                        reservation,
                        sent.get("Released")));
        scenario.awaitReadSideCaughtUp();

        assertThat(eventTypesOf(scenario))
                .containsAll(LedgerEventTypes.ALL.stream().map(Class::getSimpleName).toList());
        var rows =
                (List<Map<String, Object>>)
                        get("/accounts/" + customer + "/history?page=0&size=50").get("rows");
        var returned = new HashMap<String, String>();
        rows.forEach(row -> returned.put((String) row.get("type"), (String) row.get("note")));
        sent.forEach((type, text) -> assertThat(returned.get(type)).as(type).isEqualTo(text));
        assertThat(stored(customer.value())).containsAll(sent.values());
        var partnerRows =
                (List<Map<String, Object>>)
                        get("/accounts/" + scenario.partner + "/history?page=0&size=50")
                                .get("rows");
        assertThat(partnerRows).extracting(r -> r.get("note")).contains(hostile("partner"));
    }

    /**
     * Filled with astral-plane emoji up to {@link Texts#MAX_TEXT_LENGTH} UTF-16 units, already NFC,
     * accepted by {@code Texts}. Units, not code points: the writer's own length check still counts
     * units; once it applies {@code Texts} (code points), fill up to code points here.
     */
    static String hostile(String field) {
        var text = new StringBuilder(HOSTILE.replace("{field}", field));
        while (text.length() + 2 <= Texts.MAX_TEXT_LENGTH) {
            text.appendCodePoint(0x1F600 + text.length() % 80);
        }
        var result = text.toString();
        assertThat(result.length()).isBetween(Texts.MAX_TEXT_LENGTH - 1, Texts.MAX_TEXT_LENGTH);
        assertThat(Normalizer.isNormalized(result, Normalizer.Form.NFC)).isTrue();
        assertThat(Texts.problem(result)).isEmpty();
        return result;
    }

    private static AddCredits add(io.ledgerline.contracts.ledger.AccountId account, String note) {
        return new AddCredits(LedgerScenario.newId("add"), account, Credits.ofCredits(100), note);
    }

    private List<String> stored(String accountId) {
        return jdbc.queryForList(
                "SELECT note FROM ledger_read.history WHERE account_id = ?",
                String.class,
                accountId);
    }

    private HashSet<String> eventTypesOf(LedgerScenario scenario) {
        var types = new HashSet<String>();
        jdbc.queryForList(
                        """
                SELECT DISTINCT payload_type FROM ledger.domain_event_entry
                 WHERE aggregate_identifier IN (?, ?)""",
                        String.class,
                        scenario.partner.value(),
                        scenario.customer.value())
                .forEach(type -> types.add(type.substring(type.lastIndexOf('.') + 1)));
        return types;
    }

    private Map<String, Object> get(String path) {
        return http.exchange("/api/v1" + path, HttpMethod.GET, null, JSON).getBody();
    }
}
