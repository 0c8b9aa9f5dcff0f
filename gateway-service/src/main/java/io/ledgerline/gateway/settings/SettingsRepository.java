package io.ledgerline.gateway.settings;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.rating.PartnerTier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

@Repository
public class SettingsRepository {

    private final JdbcTemplate jdbc;

    public SettingsRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public PartnerSettings find(String partnerId) {
        return jdbc
                .query(
                        "SELECT * FROM gateway.partner_settings WHERE partner_id = ?",
                        SettingsRepository::map,
                        partnerId)
                .stream()
                .findFirst()
                .orElse(PartnerSettings.defaults(partnerId));
    }

    public void save(PartnerSettings s) {
        jdbc.update(
                """
                INSERT INTO gateway.partner_settings (partner_id, tier, self_service_enabled,
                    apply_to_new_customers, apply_to_existing_customers,
                    default_profit_multiplier_percent, ai_credit_price_ucr,
                    self_service_enabled_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (partner_id) DO UPDATE SET tier = excluded.tier,
                    self_service_enabled = excluded.self_service_enabled,
                    apply_to_new_customers = excluded.apply_to_new_customers,
                    apply_to_existing_customers = excluded.apply_to_existing_customers,
                    default_profit_multiplier_percent = excluded.default_profit_multiplier_percent,
                    ai_credit_price_ucr = excluded.ai_credit_price_ucr,
                    self_service_enabled_at = excluded.self_service_enabled_at,
                    updated_at = excluded.updated_at""",
                s.partnerId(),
                s.tier().name(),
                s.selfServiceEnabled(),
                s.applyToNewCustomers(),
                s.applyToExistingCustomers(),
                s.defaultProfitMultiplierPercent(),
                s.aiCreditPriceUcr().ucr(),
                timestamp(s.selfServiceEnabledAt()),
                timestamp(s.updatedAt()));
    }

    private static PartnerSettings map(ResultSet rs, int row) throws SQLException {
        return new PartnerSettings(
                rs.getString("partner_id"),
                PartnerTier.valueOf(rs.getString("tier")),
                rs.getBoolean("self_service_enabled"),
                rs.getBoolean("apply_to_new_customers"),
                rs.getBoolean("apply_to_existing_customers"),
                rs.getLong("default_profit_multiplier_percent"),
                Credits.ofMicros(rs.getLong("ai_credit_price_ucr")),
                instant(rs.getTimestamp("self_service_enabled_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
