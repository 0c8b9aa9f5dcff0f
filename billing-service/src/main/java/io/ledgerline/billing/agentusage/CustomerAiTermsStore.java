package io.ledgerline.billing.agentusage;

import io.ledgerline.billing.rating.CustomerAiTerms;
import io.ledgerline.billing.rating.CustomerPricePerMinute;
import io.ledgerline.contracts.ledger.event.AiCreditsConfigured;
import io.ledgerline.contracts.money.Credits;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/** Customers' AI-credit terms as the ledger announced them; the newest event per customer wins. */
@Repository
class CustomerAiTermsStore implements CustomerPricePerMinute, CustomerAiTerms {

    private final JdbcTemplate jdbc;

    CustomerAiTermsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Applies the event once; a redelivered or older event changes nothing. */
    @Transactional
    boolean apply(AiCreditsConfigured event) {
        var header = event.header();
        int fresh =
                jdbc.update(
                        "INSERT INTO billing.processed_ledger_events (event_id) VALUES (?)"
                                + " ON CONFLICT DO NOTHING",
                        header.eventId());
        if (fresh == 0) {
            return false;
        }
        jdbc.update(
                "INSERT INTO billing.customer_ai_terms (customer_id, enabled,"
                        + " price_per_minute_ucr, grace_seconds, event_sequence, event_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (customer_id) DO UPDATE SET enabled = excluded.enabled,"
                        + " price_per_minute_ucr = excluded.price_per_minute_ucr,"
                        + " grace_seconds = excluded.grace_seconds,"
                        + " event_sequence = excluded.event_sequence, event_id = excluded.event_id"
                        + " WHERE billing.customer_ai_terms.event_sequence"
                        + " < excluded.event_sequence",
                header.accountId().holderId(),
                event.enabled(),
                event.pricePerMinuteUcr().ucr(),
                event.graceSeconds(),
                header.sequence(),
                header.eventId());
        return true;
    }

    @Override
    public Optional<Credits> of(String customerId) {
        List<Long> prices =
                jdbc.queryForList(
                        "SELECT price_per_minute_ucr"
                                + " FROM billing.customer_ai_terms WHERE customer_id = ?",
                        Long.class,
                        customerId);
        return prices.stream().findFirst().map(Credits::ofMicros);
    }

    @Override
    public Optional<Terms> termsOf(String customerId) {
        return jdbc
                .query(
                        "SELECT enabled, price_per_minute_ucr, grace_seconds"
                                + " FROM billing.customer_ai_terms WHERE customer_id = ?",
                        (row, n) ->
                                new Terms(
                                        row.getBoolean(1),
                                        Credits.ofMicros(row.getLong(2)),
                                        row.getLong(3)),
                        customerId)
                .stream()
                .findFirst();
    }
}
