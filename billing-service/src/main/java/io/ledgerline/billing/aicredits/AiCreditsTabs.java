package io.ledgerline.billing.aicredits;

import com.fasterxml.jackson.databind.JsonNode;

import io.ledgerline.billing.ledgerclient.LedgerClient;
import io.ledgerline.billing.ledgerclient.LedgerUnavailableException;
import io.ledgerline.billing.subscriptions.Subscription;
import io.ledgerline.billing.subscriptions.Subscriptions;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;

/** Gathers the AI Credits tab from the ledger, the subscription and billing's own usage rows. */
@Service
class AiCreditsTabs {

    static final int RECENT_TRANSACTIONS = 20;

    private final LedgerClient ledger;
    private final Subscriptions subscriptions;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    AiCreditsTabs(
            LedgerClient ledger, Subscriptions subscriptions, JdbcTemplate jdbc, Clock clock) {
        this.ledger = ledger;
        this.subscriptions = subscriptions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    AiCreditsTab of(AccountId customer) {
        var active =
                subscriptions.of(customer).stream()
                        .filter(Subscription::live)
                        .max(Comparator.comparing(Subscription::createdAt));
        var now = clock.instant();
        var start = active.map(Subscription::currentPeriodStart).orElse(monthStart(now));
        var end =
                active.map(Subscription::currentPeriodEnd)
                        .orElse(monthStart(now).atZone(ZoneOffset.UTC).plusMonths(1).toInstant());
        JsonNode account;
        JsonNode history;
        try {
            account = ledger.read("/accounts/{accountId}", customer.value());
            history =
                    ledger.read(
                            "/accounts/{accountId}/history?page=0&size={size}",
                            customer.value(),
                            RECENT_TRANSACTIONS);
        } catch (LedgerUnavailableException e) {
            throw new Refused(
                    CommonRefusal.LEDGER_UNAVAILABLE,
                    "the ledger cannot be read now; try again shortly");
        }
        var transactions = new ArrayList<AiCreditsTab.Transaction>();
        for (var row : history.path("rows")) {
            transactions.add(
                    new AiCreditsTab.Transaction(
                            row.path("eventId").asText(null),
                            row.path("type").asText(null),
                            row.path("amountUcr").asLong(),
                            row.path("balanceAfterUcr").asLong(),
                            row.path("note").asText(null),
                            row.hasNonNull("occurredAt")
                                    ? Instant.parse(row.path("occurredAt").asText())
                                    : null));
        }
        return new AiCreditsTab(
                customer.value(),
                account.path("spendableUcr").asLong(),
                account.path("reservedUcr").asLong(),
                active.map(Subscription::subscriptionId).orElse(null),
                active.map(Subscription::allocationUcr).orElse(0L),
                start,
                end,
                usedBetween(customer.holderId(), start, end),
                transactions);
    }

    /** What billing charged the customer's AI credits in {@code [start, end)}. */
    private long usedBetween(String customerId, Instant start, Instant end) {
        return jdbc.queryForObject(
                "SELECT COALESCE(SUM(customer_charge_ucr), 0) FROM billing.usage_charges WHERE"
                        + " customer_id = ? AND customer_outcome = 'POSTED' AND occurred_at >= ?"
                        + " AND occurred_at < ?",
                Long.class,
                customerId,
                Timestamp.from(start),
                Timestamp.from(end));
    }

    private static Instant monthStart(Instant now) {
        return now.atZone(ZoneOffset.UTC)
                .toLocalDate()
                .withDayOfMonth(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }
}
