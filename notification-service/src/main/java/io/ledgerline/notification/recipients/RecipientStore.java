package io.ledgerline.notification.recipients;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.notification.alert.AlertKind;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** The recipients table. */
@Repository
public class RecipientStore {

    private final JdbcTemplate jdbc;

    RecipientStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public RecipientSettings of(String accountId) {
        return jdbc
                .query(
                        "SELECT * FROM recipients WHERE account_id = ?",
                        (rs, i) -> read(rs),
                        accountId)
                .stream()
                .findFirst()
                .orElseGet(() -> RecipientSettings.none(accountId));
    }

    void save(RecipientSettings settings, Instant now) {
        jdbc.update(
                "INSERT INTO recipients (account_id, emails, alert_kinds, reserve_warning_ucr, "
                        + "run_out_alert_days, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (account_id) DO UPDATE SET emails = EXCLUDED.emails, "
                        + "alert_kinds = EXCLUDED.alert_kinds, "
                        + "reserve_warning_ucr = EXCLUDED.reserve_warning_ucr, "
                        + "run_out_alert_days = EXCLUDED.run_out_alert_days, "
                        + "updated_at = EXCLUDED.updated_at",
                settings.accountId(),
                settings.emails().toArray(String[]::new),
                settings.alertKinds().stream().map(Enum::name).sorted().toArray(String[]::new),
                settings.reserveWarningUcr() == null ? null : settings.reserveWarningUcr().ucr(),
                settings.runOutAlertDays(),
                Timestamp.from(now));
    }

    private static RecipientSettings read(ResultSet rs) throws SQLException {
        var kinds = EnumSet.noneOf(AlertKind.class);
        Arrays.stream((String[]) rs.getArray("alert_kinds").getArray())
                .map(AlertKind::parse)
                .flatMap(Optional::stream)
                .forEach(kinds::add);
        long warning = rs.getLong("reserve_warning_ucr");
        var warningUcr = rs.wasNull() ? null : Credits.ofMicros(warning);
        int days = rs.getInt("run_out_alert_days");
        Integer runOutDays = rs.wasNull() ? null : days;
        return new RecipientSettings(
                rs.getString("account_id"),
                List.of((String[]) rs.getArray("emails").getArray()),
                kinds,
                warningUcr,
                runOutDays);
    }
}
