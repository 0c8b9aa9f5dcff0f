package io.ledgerline.portal.downstream;

import java.time.Instant;
import java.util.List;

/** The parts of notification-service's feed API the portal reads. */
public final class NotificationViews {

    private NotificationViews() {}

    public record FeedItem(
            long itemId,
            String alertId,
            String kind,
            String title,
            String body,
            Instant createdAt,
            boolean read) {}

    /** {@code nextBefore}: what to pass as {@code before} for the next page; null at the end. */
    public record FeedPage(long unreadCount, List<FeedItem> items, Long nextBefore) {}

    public record UnreadCount(long unreadCount) {}
}
