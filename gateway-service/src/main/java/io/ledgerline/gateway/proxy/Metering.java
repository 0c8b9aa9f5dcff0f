package io.ledgerline.gateway.proxy;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.rating.ModelPrice;
import io.ledgerline.gateway.admission.Admission;
import io.ledgerline.gateway.budget.Hold;
import io.ledgerline.gateway.livekey.LiveKey;
import io.ledgerline.gateway.topup.AutoTopUp;
import io.ledgerline.gateway.usage.UsagePublisher;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/** Closes a request's books: settles its hold at the real cost and reports its usage. */
@Component
class Metering {

    private final UsagePublisher usage;
    private final Clock clock;
    private final AutoTopUp autoTopUp;

    Metering(UsagePublisher usage, Clock clock, AutoTopUp autoTopUp) {
        this.usage = usage;
        this.clock = clock;
        this.autoTopUp = autoTopUp;
    }

    /** False while usage cannot be recorded: new requests are then refused. */
    boolean recording() {
        return usage.accepting();
    }

    record Measured(long tokensIn, long tokensOut, long toolCalls) {}

    Credits finish(
            LiveKey key,
            Hold hold,
            String requestId,
            ModelPrice price,
            Measured measured,
            long startNanos) {
        var cost = Admission.cost(key.config(), price, measured.tokensIn(), measured.tokensOut());
        hold.settle(requestId, cost);
        var now = clock.instant();
        key.addCharge(cost);
        key.touch(now);
        key.rateLimiter().addTokens(measured.tokensIn() + measured.tokensOut(), now.toEpochMilli());
        autoTopUp.afterCharge(key);
        var durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        usage.publish(
                key.config(),
                new UsagePublisher.Use(
                        requestId,
                        price.model(),
                        measured.tokensIn(),
                        measured.tokensOut(),
                        durationMs,
                        measured.toolCalls(),
                        hold.reservationId(),
                        now));
        return cost;
    }
}
