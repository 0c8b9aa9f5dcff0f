package io.ledgerline.notification.webhook;

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

/** The webhook_endpoints table; a deleted endpoint stays for its delivery log. */
@Repository
public class WebhookEndpoints {

    private final JdbcTemplate jdbc;

    WebhookEndpoints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(Endpoint endpoint) {
        jdbc.update(
                "INSERT INTO webhook_endpoints (endpoint_id, partner_id, url, alert_kinds,"
                        + " secret_sealed, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                endpoint.endpointId(),
                endpoint.partnerId(),
                endpoint.url(),
                endpoint.alertKinds().stream().map(Enum::name).sorted().toArray(String[]::new),
                endpoint.sealedSecret(),
                Timestamp.from(endpoint.createdAt()));
    }

    /** The partner's live endpoints subscribed to {@code kind}. */
    public List<Endpoint> subscribedTo(String partnerId, AlertKind kind) {
        return jdbc.query(
                "SELECT * FROM webhook_endpoints WHERE partner_id = ? AND deleted_at IS NULL"
                        + " AND ? = ANY(alert_kinds) ORDER BY created_at",
                (rs, i) -> read(rs),
                partnerId,
                kind.name());
    }

    List<Endpoint> ofPartner(String partnerId) {
        return jdbc.query(
                "SELECT * FROM webhook_endpoints WHERE partner_id = ? AND deleted_at IS NULL"
                        + " ORDER BY created_at",
                (rs, i) -> read(rs),
                partnerId);
    }

    Optional<Endpoint> live(String endpointId) {
        return jdbc
                .query(
                        "SELECT * FROM webhook_endpoints WHERE endpoint_id = ?"
                                + " AND deleted_at IS NULL",
                        (rs, i) -> read(rs),
                        endpointId)
                .stream()
                .findFirst();
    }

    boolean delete(String partnerId, String endpointId, Instant now) {
        return jdbc.update(
                        "UPDATE webhook_endpoints SET deleted_at = ? WHERE endpoint_id = ?"
                                + " AND partner_id = ? AND deleted_at IS NULL",
                        Timestamp.from(now),
                        endpointId,
                        partnerId)
                == 1;
    }

    private static Endpoint read(ResultSet rs) throws SQLException {
        var kinds = EnumSet.noneOf(AlertKind.class);
        Arrays.stream((String[]) rs.getArray("alert_kinds").getArray())
                .map(AlertKind::parse)
                .flatMap(Optional::stream)
                .forEach(kinds::add);
        return new Endpoint(
                rs.getString("endpoint_id"),
                rs.getString("partner_id"),
                rs.getString("url"),
                kinds,
                rs.getString("secret_sealed"),
                rs.getTimestamp("created_at").toInstant());
    }
}
