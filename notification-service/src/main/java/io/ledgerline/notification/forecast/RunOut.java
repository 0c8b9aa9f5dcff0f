package io.ledgerline.notification.forecast;

import io.ledgerline.contracts.money.Credits;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;

/**
 * The run-out forecast: the burn rate is what the account spent over the last {@link #WINDOW_DAYS}
 * days (today included, or since it was first seen when that is later), divided by the days of that
 * window; the balance lasts {@code floor(balance × windowDays / spent)} whole days at that rate.
 * Exact integer arithmetic on micro-credits: no floating point, no overflow.
 */
public final class RunOut {

    /** "This week's usage". */
    public static final int WINDOW_DAYS = 7;

    /** About 27,000 years: "never" for every practical purpose, and still a valid date. */
    static final long MAX_DAYS = 10_000_000L;

    private RunOut() {}

    /** {@code daysLeft} and {@code runsOutOn} are null when nothing was spent in the window. */
    public record Forecast(
            Credits balanceUcr,
            Credits spentInWindowUcr,
            int windowDays,
            Credits burnPerDayUcr,
            Long daysLeft,
            LocalDate runsOutOn) {

        public String summary() {
            if (daysLeft == null) {
                return "No usage in the last "
                        + windowDays
                        + " days: "
                        + balanceUcr.toDecimalString()
                        + " credits are not running out.";
            }
            return "At this week's usage, "
                    + balanceUcr.toDecimalString()
                    + " credits last about "
                    + daysLeft
                    + (daysLeft == 1 ? " day." : " days.");
        }
    }

    public static Forecast of(
            Credits balanceUcr, List<SpendDay> history, LocalDate firstSeen, LocalDate today) {
        var windowStart = today.minusDays(WINDOW_DAYS - 1L);
        if (firstSeen != null && firstSeen.isAfter(windowStart)) {
            windowStart = firstSeen.isAfter(today) ? today : firstSeen;
        }
        int windowDays = (int) (today.toEpochDay() - windowStart.toEpochDay() + 1);
        var spent = Credits.ZERO;
        for (var day : history) {
            boolean inWindow = !day.day().isBefore(windowStart) && !day.day().isAfter(today);
            if (inWindow) {
                spent = spent.plus(day.spentUcr());
            }
        }
        // Releases may outweigh spending in a window: that is no burn, not a negative one.
        spent = Credits.max(spent, Credits.ZERO);
        var burnPerDay = Credits.ofMicros(spent.ucr() / windowDays);
        if (spent.isZero()) {
            return new Forecast(balanceUcr, spent, windowDays, burnPerDay, null, null);
        }
        long daysLeft = daysLeft(balanceUcr, windowDays, spent);
        return new Forecast(
                balanceUcr, spent, windowDays, burnPerDay, daysLeft, today.plusDays(daysLeft));
    }

    private static long daysLeft(Credits balanceUcr, int windowDays, Credits spent) {
        if (!balanceUcr.isPositive()) {
            return 0;
        }
        var days =
                BigInteger.valueOf(balanceUcr.ucr())
                        .multiply(BigInteger.valueOf(windowDays))
                        .divide(BigInteger.valueOf(spent.ucr()));
        // Beyond a long of days the date overflows; cap at a bound no reader mistakes for real.
        return days.min(BigInteger.valueOf(MAX_DAYS)).longValueExact();
    }
}
