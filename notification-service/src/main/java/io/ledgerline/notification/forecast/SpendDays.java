package io.ledgerline.notification.forecast;

import io.ledgerline.contracts.money.Credits;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/** Credits spent per account and day, written as ledger events arrive. */
@Repository
public class SpendDays {

    private final JdbcTemplate jdbc;

    SpendDays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void add(String accountId, LocalDate day, Credits spentUcr) {
        jdbc.update(
                "INSERT INTO spend_days (account_id, day, spent_ucr) VALUES (?, ?, ?) "
                        + "ON CONFLICT (account_id, day) "
                        + "DO UPDATE SET spent_ucr = spend_days.spent_ucr + EXCLUDED.spent_ucr",
                accountId,
                Date.valueOf(day),
                spentUcr.ucr());
    }

    public List<SpendDay> since(String accountId, LocalDate from) {
        return jdbc.query(
                "SELECT day, spent_ucr FROM spend_days WHERE account_id = ? AND day >= ? "
                        + "ORDER BY day",
                (rs, i) ->
                        new SpendDay(
                                rs.getDate("day").toLocalDate(),
                                Credits.ofMicros(rs.getLong("spent_ucr"))),
                accountId,
                Date.valueOf(from));
    }
}
