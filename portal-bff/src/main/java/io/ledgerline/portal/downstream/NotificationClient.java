package io.ledgerline.portal.downstream;

import io.ledgerline.portal.downstream.NotificationViews.FeedPage;
import io.ledgerline.portal.downstream.NotificationViews.UnreadCount;

import java.util.Optional;

/** notification-service's in-portal feed of one account: paged, unread count, marking read. */
public class NotificationClient {

    private final Downstream notification;

    NotificationClient(Downstream notification) {
        this.notification = notification;
    }

    public FeedPage feed(String accountId, Long before, int size) {
        return notification.call(
                rest ->
                        rest.get()
                                .uri(
                                        uri ->
                                                uri.path("/api/v1/accounts/{a}/feed")
                                                        .queryParam("size", size)
                                                        .queryParamIfPresent(
                                                                "before",
                                                                Optional.ofNullable(before))
                                                        .build(accountId))
                                .retrieve()
                                .body(FeedPage.class));
    }

    public UnreadCount unread(String accountId) {
        return notification.call(
                rest ->
                        rest.get()
                                .uri("/api/v1/accounts/{a}/feed/unread", accountId)
                                .retrieve()
                                .body(UnreadCount.class));
    }

    /** An item of another account is the service's {@code 404 FEED_ITEM_NOT_FOUND}. */
    public void markRead(String accountId, long itemId) {
        notification.call(
                rest ->
                        rest.post()
                                .uri("/api/v1/accounts/{a}/feed/{i}/read", accountId, itemId)
                                .retrieve()
                                .toBodilessEntity());
    }

    public void markAllRead(String accountId) {
        notification.call(
                rest ->
                        rest.post()
                                .uri("/api/v1/accounts/{a}/feed/read", accountId)
                                .retrieve()
                                .toBodilessEntity());
    }
}
