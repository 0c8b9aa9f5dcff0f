-- Auto top-up of customers' AI credits: each customer's spendable balance as billing folds it
-- from ledger.events.v1, the settings a partner or customer chose, and one charge per crossing.

CREATE TABLE billing.ai_credit_balances (
    customer_id   text PRIMARY KEY,
    last_sequence bigint NOT NULL DEFAULT -1,
    balance_ucr   bigint NOT NULL DEFAULT 0
);

-- Ledger events the balance watch has applied; a redelivered one is skipped.
CREATE TABLE billing.balance_watch_events (
    event_id text PRIMARY KEY
);

CREATE TABLE billing.auto_top_ups (
    customer_id   text PRIMARY KEY,
    partner_id    text NOT NULL,
    threshold_ucr bigint NOT NULL CHECK (threshold_ucr >= 0),
    plan_id       text NOT NULL,
    -- ARMED: the next drop below the threshold buys once; WAITING: bought for this crossing,
    -- armed again once the balance is back at or above the threshold; FAILED: a payment was
    -- refused, nothing more is charged until the settings are saved again.
    status        text NOT NULL CHECK (status IN ('ARMED', 'WAITING', 'FAILED')),
    failure_code  text,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX auto_top_ups_partner ON billing.auto_top_ups (partner_id);

CREATE TABLE billing.auto_top_up_charges (
    charge_id         text PRIMARY KEY,
    customer_id       text NOT NULL,
    partner_id        text NOT NULL,
    plan_id           text NOT NULL,
    crossing_event_id text NOT NULL UNIQUE,
    balance_ucr       bigint NOT NULL,
    threshold_ucr     bigint NOT NULL,
    -- PENDING: to be charged (at next_attempt_at); CHARGING: an attempt is under way;
    -- SUBMITTED: the provider took the payment, the purchase grants on its event;
    -- DECLINED: the card was refused; FAILED: retries ran out or the purchase was refused.
    status            text NOT NULL
        CHECK (status IN ('PENDING', 'CHARGING', 'SUBMITTED', 'DECLINED', 'FAILED')),
    attempts          int NOT NULL DEFAULT 0,
    purchase_id       text,
    failure_code      text,
    next_attempt_at   timestamptz NOT NULL,
    claimed_at        timestamptz,
    -- When the owner was told of a stop (DECLINED, FAILED) on billing.events.v1; null: not yet.
    notified_at       timestamptz,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);
CREATE INDEX auto_top_up_charges_due ON billing.auto_top_up_charges (next_attempt_at)
    WHERE status IN ('PENDING', 'CHARGING');
CREATE INDEX auto_top_up_charges_customer ON billing.auto_top_up_charges (customer_id, created_at);
