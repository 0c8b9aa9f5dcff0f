package io.ledgerline.billing.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.billing.support.FakeLedger.Received;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

/** The admission API: start, extend, end, R13 and R14 through it, against the fake ledger. */
class CallAdmissionApiTest extends CallsTestBase {

    @Test
    void R13_a_new_call_at_zero_balance_is_refused_with_words_the_agent_can_say() {
        var customer = customerWith(0);
        var callId = unique("call");

        var refused = start(callId, customer);

        assertThat(refused.getStatusCode().value()).isEqualTo(402);
        assertThat(code(refused)).isEqualTo("INSUFFICIENT_CREDITS");
        assertThat(refused.getBody().path("detail").asText()).contains("not enough credit");
        assertThat(LEDGER.spendable("customer:" + customer)).isZero();
        assertThat(get("/api/v1/conversations/" + callId).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void a_call_naming_a_partner_other_than_the_customers_is_refused_and_holds_nothing() {
        var customer = customerWith(100 * CREDIT);
        var otherPartner = unique("p");
        LEDGER.fund("partner:" + otherPartner, 100 * CREDIT, 0);
        var callId = unique("call");

        var refused = start(callId, customer, otherPartner, "VOICE");
        var unknown = start(unique("call"), unique("nobody"), otherPartner, "VOICE");

        assertThat(refused.getStatusCode().value()).isEqualTo(404);
        assertThat(code(refused)).isEqualTo("CUSTOMER_NOT_OF_PARTNER");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(code(unknown)).isEqualTo("CUSTOMER_NOT_OF_PARTNER");
        assertThat(LEDGER.reserved("customer:" + customer)).isZero();
        assertThat(LEDGER.reserved("partner:" + otherPartner)).isZero();
        assertThat(get("/api/v1/conversations/" + callId).getStatusCode().value()).isEqualTo(404);
        assertThat(start(callId, customer).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void R14_a_call_is_charged_its_seconds_cost_lines_and_tool_calls_from_its_holds() {
        var customer = customerWith(100 * CREDIT);
        var account = "customer:" + customer;
        var callId = unique("call");

        var started = start(callId, customer);
        assertThat(started.getStatusCode().value()).isEqualTo(200);
        assertThat(started.getBody().path("status").asText()).isEqualTo("AUTHORISED");
        assertThat(LEDGER.reserved(account)).isEqualTo(PRICE_PER_MINUTE);
        clock.advance(Duration.ofSeconds(55));
        var extended = extend(callId, 1);
        assertThat(extended.getBody().path("status").asText()).isEqualTo("AUTHORISED");
        assertThat(Instant.parse(extended.getBody().path("endBy").asText()))
                .isEqualTo(Instant.parse(started.getBody().path("endBy").asText()).plusSeconds(60));
        clock.advance(Duration.ofSeconds(40));

        var ended = end(callId, 2, 90, 2, CREDIT);

        // 90 s at 12 cr/min = 18 cr, 2 tool calls × 0.03 cr, 1 cr of LLM at cost: 19.06 cr.
        assertThat(ended.getStatusCode().value()).isEqualTo(200);
        assertThat(ended.getBody().path("chargeUcr").asLong()).isEqualTo(19_060_000);
        assertThat(ended.getBody().path("settledUcr").asLong()).isEqualTo(19_060_000);
        assertThat(ended.getBody().path("status").asText()).isEqualTo("ENDED");
        assertThat(LEDGER.spendable(account)).isEqualTo(100 * CREDIT - 19_060_000);
        assertThat(LEDGER.reserved(account)).isZero();
        assertThat(LEDGER.openReservations(account)).isZero();
        assertThat(LEDGER.effectiveForCall(callId))
                .extracting(Received::kind)
                .containsOnly("SettleReservation");
    }

    @Test
    void R14_cost_lines_beyond_the_holds_are_charged_as_usage_within_the_grace_floor() {
        var customer = customerWith(13 * CREDIT);
        var account = "customer:" + customer;
        var callId = unique("call");
        start(callId, customer);
        clock.advance(Duration.ofSeconds(60));

        var ended = end(callId, 1, 60, 0, 4 * CREDIT);

        // 12 cr from the minute's hold, 4 cr of LLM beyond it: 1 cr left, then 3 cr into grace.
        assertThat(ended.getBody().path("settledUcr").asLong()).isEqualTo(12 * CREDIT);
        assertThat(ended.getBody().path("meteredUcr").asLong()).isEqualTo(4 * CREDIT);
        assertThat(LEDGER.spendable(account)).isEqualTo(-3 * CREDIT);
        assertThat(LEDGER.lowestSpendable(account)).isGreaterThanOrEqualTo(-GRACE_ALLOWANCE);
    }

    @Test
    void R13_a_running_call_is_granted_its_grace_period_then_told_to_end() {
        var customer = customerWith(15 * CREDIT);
        var account = "customer:" + customer;
        var callId = unique("call");
        var started = start(callId, customer);
        var minuteEnds = Instant.parse(started.getBody().path("endBy").asText());
        clock.advance(Duration.ofSeconds(55));

        var grace = extend(callId, 1);

        assertThat(grace.getStatusCode().value()).isEqualTo(200);
        assertThat(grace.getBody().path("status").asText()).isEqualTo("GRACE");
        assertThat(Instant.parse(grace.getBody().path("endBy").asText()))
                .isEqualTo(minuteEnds.plusSeconds(GRACE_SECONDS));
        assertThat(grace.getBody().path("message").asText()).contains("finish up");
        // 15 - 12 (minute) - 6 (grace allowance) = -3: below zero, never below -6.
        assertThat(LEDGER.spendable(account)).isEqualTo(-3 * CREDIT);

        var newCall = start(unique("call"), customer);
        assertThat(newCall.getStatusCode().value()).isEqualTo(402);
        assertThat(code(newCall)).isEqualTo("INSUFFICIENT_CREDITS");

        clock.advance(Duration.ofSeconds(20));
        assertThat(extend(callId, 2).getBody().path("status").asText()).isEqualTo("GRACE");
        clock.advance(Duration.ofSeconds(20));
        var over = extend(callId, 3);
        assertThat(over.getStatusCode().value()).isEqualTo(402);
        assertThat(code(over)).isEqualTo("GRACE_PERIOD_OVER");

        var ended = end(callId, 3, 88, 0, 0);

        // 88 s at 12 cr/min = 17.6 cr, from the minute's hold (12) and the grace hold (5.6).
        assertThat(ended.getBody().path("chargeUcr").asLong()).isEqualTo(17_600_000);
        assertThat(ended.getBody().path("settledUcr").asLong()).isEqualTo(17_600_000);
        assertThat(LEDGER.spendable(account)).isEqualTo(15 * CREDIT - 17_600_000);
        assertThat(LEDGER.lowestSpendable(account)).isGreaterThanOrEqualTo(-GRACE_ALLOWANCE);
        assertThat(LEDGER.openReservations(account)).isZero();
    }

    @Test
    void R13_with_ai_credits_off_the_partners_platform_credits_are_reserved_and_charged() {
        var customer = unique("c");
        var partner = unique("p");
        configure(customer, partner, false, PRICE_PER_MINUTE, GRACE_SECONDS);
        LEDGER.fund("partner:" + partner, 30 * CREDIT, 0);
        var callId = unique("call");

        var started = start(callId, customer, partner, "WHATSAPP");
        clock.advance(Duration.ofSeconds(30));
        var ended = end(callId, 1, 30, 1, 0);

        assertThat(started.getStatusCode().value()).isEqualTo(200);
        assertThat(ended.getBody().path("payerAccount").asText()).isEqualTo("partner:" + partner);
        // 30 s at 12 cr/min + one tool call at 0.03 cr.
        assertThat(LEDGER.spendable("partner:" + partner)).isEqualTo(30 * CREDIT - 6_030_000);
        assertThat(LEDGER.openReservations("partner:" + partner)).isZero();
        assertThat(LEDGER.received())
                .filteredOn(r -> r.accountId().equals("customer:" + customer))
                .isEmpty();
    }

    @Test
    void R13_a_partner_paying_for_a_customer_gets_no_overdraft_for_grace() {
        var customer = unique("c");
        var partner = unique("p");
        configure(customer, partner, false, PRICE_PER_MINUTE, GRACE_SECONDS);
        LEDGER.fund("partner:" + partner, 14 * CREDIT, 0);
        var callId = unique("call");
        start(callId, customer, partner, "VOICE");

        var extended = extend(callId, 1);

        // 2 cr left: neither a minute (12) nor the grace allowance (6) fits, and platform
        // credits never go below zero.
        assertThat(extended.getStatusCode().value()).isEqualTo(402);
        assertThat(code(extended)).isEqualTo("INSUFFICIENT_CREDITS");
        assertThat(LEDGER.lowestSpendable("partner:" + partner)).isEqualTo(2 * CREDIT);
    }

    @Test
    void R14_retries_and_a_restart_mid_call_charge_once() {
        var customer = customerWith(100 * CREDIT);
        var account = "customer:" + customer;
        var callId = unique("call");
        assertThat(start(callId, customer).getStatusCode().value()).isEqualTo(200);
        assertThat(start(callId, customer).getStatusCode().value()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(50));
        var extension = extend(callId, 1);
        assertThat(extension.getStatusCode().value()).isEqualTo(200);
        assertThat(extend(callId, 1).getBody()).isEqualTo(extension.getBody());
        assertThat(LEDGER.reserved(account)).isEqualTo(2 * PRICE_PER_MINUTE);
        clock.advance(Duration.ofSeconds(50));

        // The ledger dies after the first settlement: billing answers 503 and keeps nothing.
        LEDGER.failNextBatchAfter(1);
        var failed = end(callId, 2, 100, 0, 0);
        assertThat(failed.getStatusCode().value()).isEqualTo(503);
        assertThat(code(failed)).isEqualTo("LEDGER_UNAVAILABLE");
        var retried = end(callId, 2, 100, 0, 0);
        var again = end(callId, 2, 100, 0, 0);

        assertThat(retried.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody()).isEqualTo(retried.getBody());
        assertThat(LEDGER.spendable(account)).isEqualTo(100 * CREDIT - 20 * CREDIT);
        assertThat(LEDGER.effectiveForCall(callId)).hasSize(2);
        var otherFigures = end(callId, 2, 101, 0, 0);
        assertThat(otherFigures.getStatusCode().value()).isEqualTo(409);
        assertThat(code(otherFigures)).isEqualTo("EXISTS_WITH_DIFFERENT_PAYLOAD");
        assertThat(code(extend(callId, 3))).isEqualTo("CALL_ENDED");
        // A runtime replaying its whole call after the end gets the first answers back.
        assertThat(extend(callId, 1).getBody()).isEqualTo(extension.getBody());
    }

    @Test
    void a_call_that_stops_reporting_is_charged_its_authorised_minutes_and_closed() {
        var customer = customerWith(100 * CREDIT);
        var account = "customer:" + customer;
        var callId = unique("call");
        start(callId, customer);
        clock.advance(Duration.ofSeconds(50));
        extend(callId, 1);

        clock.advance(Duration.ofSeconds(2 * 60));
        assertThat(sweeper.sweep()).isGreaterThanOrEqualTo(1);

        var conversation = get("/api/v1/conversations/" + callId).getBody();
        assertThat(conversation.path("status").asText()).isEqualTo("TIMED_OUT");
        assertThat(conversation.path("durationSeconds").asLong()).isEqualTo(120);
        assertThat(conversation.path("chargeUcr").asLong()).isEqualTo(2 * PRICE_PER_MINUTE);
        assertThat(LEDGER.spendable(account)).isEqualTo(100 * CREDIT - 2 * PRICE_PER_MINUTE);
        assertThat(LEDGER.openReservations(account)).isZero();
        assertThat(code(extend(callId, 2))).isEqualTo("CALL_ENDED");
        assertThat(code(end(callId, 2, 120, 0, 0))).isEqualTo("CALL_ENDED");
    }
}
