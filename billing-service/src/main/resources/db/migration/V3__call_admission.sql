-- The grace period (seconds) a customer's running call may use past its balance (R13).
ALTER TABLE billing.customer_ai_terms ADD COLUMN grace_seconds bigint NOT NULL DEFAULT 0;

-- Calls and chats admitted through the admission API (billing-service/README.md), one row each.
-- Money columns are micro-credits of the payer's ledger: the customer's AI credits, or its
-- partner's platform credits while AI credits are off. Status: ACTIVE, ENDED, TIMED_OUT.
CREATE TABLE billing.calls (
    call_id               text PRIMARY KEY,
    customer_id           text NOT NULL,
    partner_id            text NOT NULL,
    agent_id              text NOT NULL,
    channel               text NOT NULL,
    payer_account         text NOT NULL,
    price_per_minute_ucr  bigint NOT NULL,
    grace_seconds         bigint NOT NULL,
    status                text NOT NULL,
    sequence              bigint NOT NULL,
    started_at            timestamptz NOT NULL,
    authorised_until      timestamptz NOT NULL,
    grace_until           timestamptz,
    stale_at              timestamptz NOT NULL,
    ended_at              timestamptz,
    duration_seconds      bigint,
    tool_calls            bigint,
    cost_lines            text,
    charge_ucr            bigint,
    settled_ucr           bigint,
    metered_ucr           bigint,
    uncollected_ucr       bigint,
    end_fingerprint       text
);
CREATE INDEX calls_by_customer ON billing.calls (customer_id, started_at DESC, call_id);
CREATE INDEX calls_active_by_stale_at ON billing.calls (stale_at) WHERE status = 'ACTIVE';

-- Each step of a call (start = 0, then one per extension) and the hold it placed, if any.
-- Kind: MINUTE (one minute reserved), GRACE (the grace allowance reserved), GRACE_AGAIN (an
-- extension during grace; nothing reserved).
CREATE TABLE billing.call_steps (
    call_id          text NOT NULL REFERENCES billing.calls (call_id),
    sequence         bigint NOT NULL,
    kind             text NOT NULL,
    reservation_id   text,
    amount_ucr       bigint NOT NULL,
    authorised_until timestamptz NOT NULL,
    grace_until      timestamptz,
    PRIMARY KEY (call_id, sequence)
);
