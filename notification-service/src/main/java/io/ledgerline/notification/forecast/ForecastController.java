package io.ledgerline.notification.forecast;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.problem.NotificationRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.notification.web.AccountIds;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** "At this week's usage, 412 credits last about 9 days": the run-out forecast of an account. */
@RestController
class ForecastController {

    record ForecastView(
            String accountId,
            long balanceUcr,
            long spentInWindowUcr,
            int windowDays,
            long burnPerDayUcr,
            Long daysLeft,
            LocalDate runsOutOn,
            String summary) {}

    private record Known(Credits balanceUcr, LocalDate firstSeen) {}

    private final JdbcTemplate jdbc;
    private final SpendDays spendDays;
    private final Clock clock;

    ForecastController(JdbcTemplate jdbc, SpendDays spendDays, Clock clock) {
        this.jdbc = jdbc;
        this.spendDays = spendDays;
        this.clock = clock;
    }

    @GetMapping("/api/v1/accounts/{accountId}/forecast")
    ForecastView forecast(@PathVariable String accountId) {
        var account = AccountIds.parse(accountId);
        var known =
                jdbc
                        .query(
                                "SELECT balance_ucr, first_seen_at FROM accounts"
                                        + " WHERE account_id = ?",
                                (rs, i) ->
                                        new Known(
                                                Credits.ofMicros(rs.getLong(1)),
                                                LocalDate.ofInstant(
                                                        rs.getTimestamp(2).toInstant(),
                                                        ZoneOffset.UTC)),
                                account)
                        .stream()
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new Refused(
                                                NotificationRefusal.ACCOUNT_NOT_KNOWN,
                                                "no event of this account has arrived yet"));
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var history = spendDays.since(account, today.minusDays(RunOut.WINDOW_DAYS));
        var forecast = RunOut.of(known.balanceUcr(), history, known.firstSeen(), today);
        return new ForecastView(
                account,
                forecast.balanceUcr().ucr(),
                forecast.spentInWindowUcr().ucr(),
                forecast.windowDays(),
                forecast.burnPerDayUcr().ucr(),
                forecast.daysLeft(),
                forecast.runsOutOn(),
                forecast.summary());
    }
}
