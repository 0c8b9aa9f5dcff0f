package io.ledgerline.notification.feed;

import io.ledgerline.notification.alert.Alert;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The in-portal feed: one item per alert and account, newest first, read or unread. */
@Repository
public class FeedStore {

    record Item(
            long itemId,
            String alertId,
            String kind,
            String title,
            String body,
            Instant createdAt,
            boolean read) {}

    private final JdbcTemplate jdbc;

    FeedStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the alert to the account's feed once; the same alert again adds nothing. */
    public void add(String accountId, Alert alert, String body) {
        jdbc.update(
                "INSERT INTO feed_items (account_id, alert_id, kind, title, body, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                accountId,
                alert.alertId(),
                alert.kind().name(),
                alert.kind().title(),
                body,
                Timestamp.from(alert.occurredAt()));
    }

    List<Item> newestFirst(String accountId, Long beforeItemId, int limit) {
        return jdbc.query(
                "SELECT * FROM feed_items WHERE account_id = ? AND item_id < ?"
                        + " ORDER BY item_id DESC LIMIT ?",
                (rs, i) ->
                        new Item(
                                rs.getLong("item_id"),
                                rs.getString("alert_id"),
                                rs.getString("kind"),
                                rs.getString("title"),
                                rs.getString("body"),
                                rs.getTimestamp("created_at").toInstant(),
                                rs.getTimestamp("read_at") != null),
                accountId,
                beforeItemId == null ? Long.MAX_VALUE : beforeItemId,
                limit);
    }

    long unread(String accountId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM feed_items WHERE account_id = ? AND read_at IS NULL",
                Long.class,
                accountId);
    }

    boolean markRead(String accountId, long itemId, Instant now) {
        return jdbc.update(
                        "UPDATE feed_items SET read_at = COALESCE(read_at, ?)"
                                + " WHERE account_id = ? AND item_id = ?",
                        Timestamp.from(now),
                        accountId,
                        itemId)
                == 1;
    }

    int markAllRead(String accountId, Instant now) {
        return jdbc.update(
                "UPDATE feed_items SET read_at = ? WHERE account_id = ? AND read_at IS NULL",
                Timestamp.from(now),
                accountId);
    }
}
