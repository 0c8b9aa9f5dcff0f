package io.ledgerline.contracts.problem;

/** The notification service's refusals: recipients, webhook endpoints, deliveries and the feed. */
public enum NotificationRefusal implements RefusalCode {
    /** A webhook URL that is not an absolute https URL with a host. */
    WEBHOOK_URL_INVALID(400),
    /** A webhook URL whose host resolves to a loopback, private or link-local address. */
    WEBHOOK_URL_REFUSED(422),
    /** No webhook endpoint with this id for this partner. */
    WEBHOOK_NOT_FOUND(404),
    /** No delivery with this id on this endpoint. */
    DELIVERY_NOT_FOUND(404),
    /** No feed item with this id for this account. */
    FEED_ITEM_NOT_FOUND(404),
    /** An e-mail address that is not one. */
    INVALID_EMAIL(400),
    /** An alert kind this service does not send. */
    UNKNOWN_ALERT_KIND(400),
    /** Nothing about this account has reached the notification service yet. */
    ACCOUNT_NOT_KNOWN(404);

    private final int httpStatus;

    NotificationRefusal(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
