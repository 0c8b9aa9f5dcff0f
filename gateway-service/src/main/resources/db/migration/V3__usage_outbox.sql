-- Usage events on their way to Kafka (a transactional outbox). The gateway writes each event here
-- a few milliseconds after the request, sends it, and deletes the row once the broker has
-- acknowledged it; a row left here (send failed, process died) is sent again by the relay, so a
-- usage event is never lost once it is in this table. Billing dedupes on the request id.
CREATE TABLE gateway.usage_outbox (
    event_id         text PRIMARY KEY,
    request_id       text NOT NULL,
    topic            text NOT NULL,
    record_key       text NOT NULL,
    type             text NOT NULL,
    payload          bytea NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    -- Failed sends so far; the next one is not tried before next_attempt_at (back-off). While a
    -- relay is sending a row, next_attempt_at is the end of its lease, so no other relay takes it.
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_error       text
);
CREATE INDEX usage_outbox_due ON gateway.usage_outbox (topic, next_attempt_at);
