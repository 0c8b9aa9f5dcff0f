-- The ledger's read side lives in its own schema: every table here is a projection of the event
-- store in schema ledger and can be rebuilt from it (reset the ledger-projections processor).
CREATE SCHEMA IF NOT EXISTS ledger_read;

-- One row per double-entry ledger account: its balance after the last event applied to it.
CREATE TABLE ledger_read.balance (
    ledger_account    text PRIMARY KEY,
    ledger            text        NOT NULL,
    account_id        text,
    balance_ucr       bigint      NOT NULL,
    last_event_id     text        NOT NULL,
    last_global_index bigint      NOT NULL,
    updated_at        timestamptz NOT NULL
);
CREATE INDEX balance_by_holder ON ledger_read.balance (account_id);
CREATE INDEX balance_by_ledger ON ledger_read.balance (ledger, ledger_account);

-- Every leg of every transfer, with the balance it left behind: balances "as of" any instant.
-- position is the order the projection applied them in (an append that commits late is applied
-- after later global indexes), which is the order its balance_after figures follow.
CREATE TABLE ledger_read.posting (
    position          bigserial   NOT NULL UNIQUE,
    event_id          text        NOT NULL,
    ledger_account    text        NOT NULL,
    global_index      bigint      NOT NULL,
    ledger            text        NOT NULL,
    amount_ucr        bigint      NOT NULL,
    balance_after_ucr bigint      NOT NULL,
    occurred_at       timestamptz NOT NULL,
    PRIMARY KEY (event_id, ledger_account)
);
CREATE INDEX posting_as_of ON ledger_read.posting (ledger_account, occurred_at, position);

-- A holder's transaction history (R13): one row per money event, the holder's own leg.
CREATE TABLE ledger_read.history (
    position          bigserial   NOT NULL UNIQUE,
    event_id          text PRIMARY KEY,
    global_index      bigint      NOT NULL,
    account_id        text        NOT NULL,
    ledger_account    text        NOT NULL,
    type              text        NOT NULL,
    amount_ucr        bigint      NOT NULL,
    balance_after_ucr bigint      NOT NULL,
    note              text,
    occurred_at       timestamptz NOT NULL
);
CREATE INDEX history_newest_first ON ledger_read.history (account_id, position DESC);

CREATE TABLE ledger_read.account (
    account_id  text PRIMARY KEY,
    partner_id  text        NOT NULL,
    opened_at   timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- The latest AiCreditsConfigured of each customer (R13 settings).
CREATE TABLE ledger_read.ai_credit_settings (
    account_id                text PRIMARY KEY,
    enabled                   boolean     NOT NULL,
    price_per_minute_ucr      bigint      NOT NULL,
    grace_seconds             bigint      NOT NULL,
    low_credit_threshold_ucr  bigint      NOT NULL,
    low_credit_notifications  boolean     NOT NULL,
    last_global_index         bigint      NOT NULL,
    updated_at                timestamptz NOT NULL
);

-- How far the projection has read the event store; the audit compares balances at this point.
CREATE TABLE ledger_read.projection_position (
    id                smallint PRIMARY KEY CHECK (id = 1),
    last_global_index bigint      NOT NULL,
    updated_at        timestamptz NOT NULL
);
