-- R10 auto top-up of partner keys: per key, the trigger sequence its ledger command ids derive
-- from (reservation key-{keyId}-a{sequence}), whether that trigger is still unfinished, and what
-- the last attempt did. Written so that it can run again, or after a later-numbered migration.
CREATE TABLE IF NOT EXISTS gateway.auto_top_up (
    key_id                      text PRIMARY KEY REFERENCES gateway.virtual_key (key_id),
    sequence                    bigint NOT NULL CHECK (sequence >= 0),
    pending                     boolean NOT NULL,
    top_ups                     bigint NOT NULL CHECK (top_ups >= 0),
    consecutive_failures        integer NOT NULL CHECK (consecutive_failures >= 0),
    last_result                 text,
    last_attempt_at             timestamptz,
    last_top_up_at              timestamptz,
    retry_not_before            timestamptz,
    available_at_refusal_ucr    bigint
);
