-- A notification bell asks for an account's unread count far more often than for its items.
CREATE INDEX feed_items_unread ON notification.feed_items (account_id) WHERE read_at IS NULL;
