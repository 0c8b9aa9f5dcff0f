package io.ledgerline.gateway.livekey;

import io.ledgerline.contracts.gateway.KeyStatusChanged.KeyKind;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.usage.UsageRecorded.CustomerBilling;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The gateway's key rows. No row ever holds a secret, only its SHA-256 and display prefix. */
@Repository
public class KeyRepository {

    private final JdbcTemplate jdbc;

    public KeyRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record StoredKey(
            KeyConfig config,
            byte[] secretSha256,
            KeyStatus status,
            Instant lastUsedAt,
            Credits charged) {}

    public record StoredReservation(
            String reservationId,
            String keyId,
            Credits amount,
            Credits fee,
            String kind,
            boolean released) {}

    public record StoredCommand(String action, String keyId, byte[] payloadSha256) {}

    public void insert(KeyConfig k, byte[] secretSha256) {
        var billing = k.customerBilling();
        jdbc.update(
                """
                INSERT INTO gateway.virtual_key (key_id, kind, partner_id, customer_id, name,
                    description, secret_sha256, secret_prefix, allowed_models, allowed_domains,
                    platform_fee_ucr, profit_multiplier_percent, ai_credit_price_ucr,
                    min_cost_floor_per_million_ucr, auto_top_up_threshold_cents,
                    auto_top_up_amount_cents, requests_per_minute, tokens_per_minute,
                    expires_at, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?)""",
                k.keyId(),
                k.kind().name(),
                k.partnerId(),
                k.customerId(),
                k.name(),
                k.description(),
                secretSha256,
                k.secretPrefix(),
                k.allowedModels().toArray(String[]::new),
                k.allowedDomains().toArray(String[]::new),
                k.platformFeeUcr().ucr(),
                billing == null ? null : billing.profitMultiplierPercent(),
                billing == null ? null : billing.aiCreditPriceUcr().ucr(),
                billing == null ? null : billing.minCostFloorPerMillionTokensUcr().ucr(),
                k.autoTopUp() == null ? null : k.autoTopUp().thresholdCents(),
                k.autoTopUp() == null ? null : k.autoTopUp().amountCents(),
                k.rateLimits().requestsPerMinute(),
                k.rateLimits().tokensPerMinute(),
                timestamp(k.expiresAt()),
                timestamp(k.createdAt()));
    }

    /** Idempotent: two instances finishing the same auto top-up trigger store one row. */
    public void insertReservation(StoredReservation r, Instant now) {
        jdbc.update(
                """
                INSERT INTO gateway.key_reservation (reservation_id, key_id, amount_ucr, fee_ucr,
                    kind, released, created_at) VALUES (?, ?, ?, ?, ?, false, ?)
                ON CONFLICT (reservation_id) DO NOTHING""",
                r.reservationId(),
                r.keyId(),
                r.amount().ucr(),
                r.fee().ucr(),
                r.kind(),
                timestamp(now));
    }

    public void replaceSecret(String keyId, byte[] sha256, String prefix) {
        jdbc.update(
                "UPDATE gateway.virtual_key SET secret_sha256 = ?, secret_prefix = ? "
                        + "WHERE key_id = ?",
                sha256,
                prefix,
                keyId);
    }

    public void markRevoked(String keyId, Instant now) {
        jdbc.update(
                "UPDATE gateway.virtual_key SET status = 'REVOKED', revoked_at = ? "
                        + "WHERE key_id = ?",
                timestamp(now),
                keyId);
        jdbc.update("UPDATE gateway.key_reservation SET released = true WHERE key_id = ?", keyId);
    }

    public void recordUse(String keyId, Instant lastUsedAt, Credits charged) {
        jdbc.update(
                "UPDATE gateway.virtual_key SET last_used_at = ?, charged_ucr = ? "
                        + "WHERE key_id = ?",
                timestamp(lastUsedAt),
                charged.ucr(),
                keyId);
    }

    public List<StoredKey> all() {
        return jdbc.query(
                "SELECT * FROM gateway.virtual_key ORDER BY created_at, key_id",
                KeyRepository::mapKey);
    }

    public Optional<StoredKey> find(String keyId) {
        return jdbc
                .query(
                        "SELECT * FROM gateway.virtual_key WHERE key_id = ?",
                        KeyRepository::mapKey,
                        keyId)
                .stream()
                .findFirst();
    }

    public List<StoredReservation> reservations() {
        return jdbc.query(
                "SELECT * FROM gateway.key_reservation ORDER BY created_at, reservation_id",
                KeyRepository::mapReservation);
    }

    public List<StoredReservation> reservationsOf(String keyId) {
        return jdbc.query(
                "SELECT * FROM gateway.key_reservation WHERE key_id = ? "
                        + "ORDER BY created_at, reservation_id",
                KeyRepository::mapReservation,
                keyId);
    }

    private static StoredReservation mapReservation(ResultSet rs, int row) throws SQLException {
        return new StoredReservation(
                rs.getString("reservation_id"),
                rs.getString("key_id"),
                Credits.ofMicros(rs.getLong("amount_ucr")),
                Credits.ofMicros(rs.getLong("fee_ucr")),
                rs.getString("kind"),
                rs.getBoolean("released"));
    }

    public Optional<StoredCommand> command(String commandId) {
        return jdbc
                .query(
                        "SELECT * FROM gateway.key_command WHERE command_id = ?",
                        (rs, row) ->
                                new StoredCommand(
                                        rs.getString("action"),
                                        rs.getString("key_id"),
                                        rs.getBytes("payload_sha256")),
                        commandId)
                .stream()
                .findFirst();
    }

    public void recordCommand(
            String commandId, String action, String keyId, byte[] payloadSha256, Instant now) {
        jdbc.update(
                "INSERT INTO gateway.key_command (command_id, action, key_id, payload_sha256, "
                        + "created_at) VALUES (?, ?, ?, ?, ?)",
                commandId,
                action,
                keyId,
                payloadSha256,
                timestamp(now));
    }

    /**
     * Saves {@code next} only if the stored row still is {@code expected} (same trigger sequence,
     * same pending flag; no row counts as {@link AutoTopUpState#NONE}'s): several gateway instances
     * may see one key low at once, and only one of them may open a trigger or close it.
     */
    public boolean saveAutoTopUpIf(String keyId, AutoTopUpState expected, AutoTopUpState next) {
        var columns = autoTopUpColumns(next);
        var updated =
                jdbc.update(
                        """
                        UPDATE gateway.auto_top_up SET sequence = ?, pending = ?, top_ups = ?,
                            consecutive_failures = ?, last_result = ?, last_attempt_at = ?,
                            last_top_up_at = ?, retry_not_before = ?, available_at_refusal_ucr = ?
                        WHERE key_id = ? AND sequence = ? AND pending = ?""",
                        concat(columns, keyId, expected.sequence(), expected.pending()));
        if (updated > 0 || expected.sequence() != 0 || expected.pending()) {
            return updated > 0;
        }
        // No trigger yet: the row may not exist. Of two instances inserting it, one wins.
        return jdbc.update(
                        """
                        INSERT INTO gateway.auto_top_up (key_id, sequence, pending, top_ups,
                            consecutive_failures, last_result, last_attempt_at, last_top_up_at,
                            retry_not_before, available_at_refusal_ucr)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key_id) DO NOTHING""",
                        concat(new Object[] {keyId}, columns))
                > 0;
    }

    /** The auto top-up columns after key_id, in table order. */
    private static Object[] autoTopUpColumns(AutoTopUpState a) {
        return new Object[] {
            a.sequence(),
            a.pending(),
            a.topUps(),
            a.consecutiveFailures(),
            a.lastResult(),
            timestamp(a.lastAttemptAt()),
            timestamp(a.lastTopUpAt()),
            timestamp(a.retryNotBefore()),
            a.availableAtRefusal() == null ? null : a.availableAtRefusal().ucr()
        };
    }

    private static Object[] concat(Object[] first, Object... second) {
        var all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    public Map<String, AutoTopUpState> autoTopUps() {
        var byKey = new HashMap<String, AutoTopUpState>();
        jdbc.query(
                "SELECT * FROM gateway.auto_top_up",
                rs -> {
                    byKey.put(rs.getString("key_id"), mapAutoTopUp(rs));
                });
        return byKey;
    }

    public Optional<AutoTopUpState> autoTopUpOf(String keyId) {
        return jdbc
                .query(
                        "SELECT * FROM gateway.auto_top_up WHERE key_id = ?",
                        (rs, row) -> mapAutoTopUp(rs),
                        keyId)
                .stream()
                .findFirst();
    }

    private static AutoTopUpState mapAutoTopUp(ResultSet rs) throws SQLException {
        var available = rs.getObject("available_at_refusal_ucr");
        return new AutoTopUpState(
                rs.getLong("sequence"),
                rs.getBoolean("pending"),
                rs.getLong("top_ups"),
                rs.getInt("consecutive_failures"),
                rs.getString("last_result"),
                instant(rs.getTimestamp("last_attempt_at")),
                instant(rs.getTimestamp("last_top_up_at")),
                instant(rs.getTimestamp("retry_not_before")),
                available == null ? null : Credits.ofMicros(((Number) available).longValue()));
    }

    private static StoredKey mapKey(ResultSet rs, int row) throws SQLException {
        var kind = KeyKind.valueOf(rs.getString("kind"));
        CustomerBilling billing = null;
        if (rs.getObject("ai_credit_price_ucr") != null) {
            billing =
                    new CustomerBilling(
                            rs.getLong("profit_multiplier_percent"),
                            Credits.ofMicros(rs.getLong("ai_credit_price_ucr")),
                            Credits.ofMicros(rs.getLong("min_cost_floor_per_million_ucr")));
        }
        KeyConfig.AutoTopUp autoTopUp = null;
        if (rs.getObject("auto_top_up_amount_cents") != null) {
            autoTopUp =
                    new KeyConfig.AutoTopUp(
                            rs.getLong("auto_top_up_threshold_cents"),
                            rs.getLong("auto_top_up_amount_cents"));
        }
        var config =
                new KeyConfig(
                        rs.getString("key_id"),
                        kind,
                        rs.getString("partner_id"),
                        rs.getString("customer_id"),
                        rs.getString("name"),
                        rs.getString("description"),
                        rs.getString("secret_prefix"),
                        new LinkedHashSet<>(
                                Arrays.asList((String[]) rs.getArray("allowed_models").getArray())),
                        List.of((String[]) rs.getArray("allowed_domains").getArray()),
                        Credits.ofMicros(rs.getLong("platform_fee_ucr")),
                        billing,
                        autoTopUp,
                        new KeyConfig.RateLimits(
                                rs.getInt("requests_per_minute"), rs.getLong("tokens_per_minute")),
                        instant(rs.getTimestamp("expires_at")),
                        instant(rs.getTimestamp("created_at")));
        return new StoredKey(
                config,
                rs.getBytes("secret_sha256"),
                KeyStatus.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("last_used_at")),
                Credits.ofMicros(rs.getLong("charged_ucr")));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
