-- What the service knows of each account, folded from ledger.events.v1 alone.
CREATE TABLE notification.accounts (
    account_id          text PRIMARY KEY,
    partner_id          text,
    last_sequence       bigint NOT NULL DEFAULT -1,
    balance_ucr         bigint NOT NULL DEFAULT 0,
    threshold_ucr       bigint,
    notifications_on    boolean NOT NULL DEFAULT false,
    -- One flag per alert kind that fires on a downward crossing: true while it may fire.
    armed               text[] NOT NULL DEFAULT '{}',
    first_seen_at       timestamptz NOT NULL,
    balance_changed_at  timestamptz
);

-- Credits spent per account and UTC day: what the run-out forecast reads.
CREATE TABLE notification.spend_days (
    account_id  text NOT NULL,
    day         date NOT NULL,
    spent_ucr   bigint NOT NULL,
    PRIMARY KEY (account_id, day)
);

-- Every event id taken in (ledger and gateway), so a redelivered record changes nothing.
CREATE TABLE notification.processed_events (
    event_id     text PRIMARY KEY,
    processed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE notification.key_states (
    key_id  text PRIMARY KEY,
    status  text NOT NULL
);

-- One row per alert; its id is derived from the event that caused it (dedupe on the crossing).
CREATE TABLE notification.alerts (
    alert_id    text PRIMARY KEY,
    kind        text NOT NULL,
    account_id  text NOT NULL,
    partner_id  text,
    payload     jsonb NOT NULL,
    created_at  timestamptz NOT NULL
);

-- Who hears about an account's alerts; a partner's row also covers its customers' alerts.
CREATE TABLE notification.recipients (
    account_id              text PRIMARY KEY,
    emails                  text[] NOT NULL,
    alert_kinds             text[] NOT NULL,
    reserve_warning_ucr     bigint,
    run_out_alert_days      integer,
    updated_at              timestamptz NOT NULL
);

CREATE TABLE notification.webhook_endpoints (
    endpoint_id  text PRIMARY KEY,
    partner_id   text NOT NULL,
    url          text NOT NULL,
    alert_kinds  text[] NOT NULL,
    secret       text NOT NULL,
    created_at   timestamptz NOT NULL,
    deleted_at   timestamptz
);
CREATE INDEX webhook_endpoints_partner ON notification.webhook_endpoints (partner_id);

-- The outbox: every e-mail and webhook delivery, drained with retries until sent or failed.
CREATE TABLE notification.outbox (
    delivery_id      text PRIMARY KEY,
    channel          text NOT NULL,
    alert_id         text NOT NULL,
    target           text NOT NULL,
    endpoint_id      text,
    payload          jsonb NOT NULL,
    status           text NOT NULL,
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    deadline_at      timestamptz NOT NULL,
    last_status_code integer,
    last_error       text,
    created_at       timestamptz NOT NULL,
    sent_at          timestamptz
);
CREATE INDEX outbox_due ON notification.outbox (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX outbox_endpoint ON notification.outbox (endpoint_id, created_at);

-- Each attempt at a webhook delivery, for the endpoint's delivery log.
CREATE TABLE notification.delivery_attempts (
    delivery_id  text NOT NULL,
    attempt      integer NOT NULL,
    status_code  integer,
    error        text,
    at           timestamptz NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);

CREATE TABLE notification.feed_items (
    item_id     bigserial PRIMARY KEY,
    account_id  text NOT NULL,
    alert_id    text NOT NULL,
    kind        text NOT NULL,
    title       text NOT NULL,
    body        text NOT NULL,
    created_at  timestamptz NOT NULL,
    read_at     timestamptz,
    UNIQUE (account_id, alert_id)
);
CREATE INDEX feed_items_newest ON notification.feed_items (account_id, item_id DESC);
