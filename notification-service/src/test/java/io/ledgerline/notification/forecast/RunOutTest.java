package io.ledgerline.notification.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.contracts.money.Credits;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The forecast on made-up series: steady, bursty and idle usage. */
class RunOutTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    private static final LocalDate LONG_AGO = TODAY.minusDays(60);

    private static List<SpendDay> series(long... creditsPerDayOldestFirst) {
        var days = new ArrayList<SpendDay>();
        for (int i = 0; i < creditsPerDayOldestFirst.length; i++) {
            var day = TODAY.minusDays(creditsPerDayOldestFirst.length - 1L - i);
            days.add(new SpendDay(day, Credits.ofCredits(creditsPerDayOldestFirst[i])));
        }
        return days;
    }

    @Test
    void steady_usage_412_credits_at_46_a_day_last_8_days() {
        var forecast =
                RunOut.of(
                        Credits.ofCredits(412),
                        series(46, 46, 46, 46, 46, 46, 46),
                        LONG_AGO,
                        TODAY);

        assertThat(forecast.burnPerDayUcr()).isEqualTo(Credits.ofCredits(46));
        assertThat(forecast.daysLeft()).isEqualTo(8); // 412 / 46 = 8.96, whole days
        assertThat(forecast.runsOutOn()).isEqualTo(TODAY.plusDays(8));
        assertThat(forecast.summary())
                .isEqualTo("At this week's usage, 412.000000 credits last about 8 days.");
    }

    @Test
    void bursty_usage_is_averaged_over_the_week() {
        var burst = series(0, 0, 280, 0, 0, 0, 0);
        var steady = series(40, 40, 40, 40, 40, 40, 40);

        var afterBurst = RunOut.of(Credits.ofCredits(400), burst, LONG_AGO, TODAY);
        var afterSteady = RunOut.of(Credits.ofCredits(400), steady, LONG_AGO, TODAY);

        assertThat(afterBurst.daysLeft()).isEqualTo(10).isEqualTo(afterSteady.daysLeft());
    }

    @Test
    void a_burst_older_than_the_week_no_longer_counts() {
        var oldBurst = series(500, 0, 0, 0, 0, 0, 0, 7);
        var forecast = RunOut.of(Credits.ofCredits(70), oldBurst, LONG_AGO, TODAY);
        assertThat(forecast.daysLeft()).isEqualTo(70);
    }

    @Test
    void idle_account_is_not_running_out() {
        var forecast =
                RunOut.of(Credits.ofCredits(412), series(0, 0, 0, 0, 0, 0, 0), LONG_AGO, TODAY);

        assertThat(forecast.daysLeft()).isNull();
        assertThat(forecast.runsOutOn()).isNull();
        assertThat(forecast.summary()).contains("not running out");
    }

    @Test
    void a_new_account_is_judged_on_the_days_it_has_been_seen() {
        var twoDays = series(30, 30);
        var forecast = RunOut.of(Credits.ofCredits(300), twoDays, TODAY.minusDays(1), TODAY);
        assertThat(forecast.windowDays()).isEqualTo(2);
        assertThat(forecast.daysLeft()).isEqualTo(10);
    }

    @Test
    void an_empty_balance_runs_out_today_and_a_huge_one_does_not_overflow() {
        var steady = series(1, 1, 1, 1, 1, 1, 1);
        assertThat(RunOut.of(Credits.ZERO, steady, LONG_AGO, TODAY).daysLeft()).isZero();

        var tiny = List.of(new SpendDay(TODAY, Credits.ofMicros(1)));
        var huge = RunOut.of(Credits.ofMicros(Long.MAX_VALUE), tiny, LONG_AGO, TODAY);
        assertThat(huge.daysLeft()).isEqualTo(RunOut.MAX_DAYS);
    }
}
