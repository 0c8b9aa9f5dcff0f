-- Refunds and chargebacks: what a reversed payment took back, in cents and in credits.

-- Refunded so far, as the provider's events said.
ALTER TABLE billing.invoices ADD COLUMN amount_refunded_cents bigint NOT NULL DEFAULT 0;

-- The built-in provider's refunds; the key makes a repeated request one refund.
CREATE TABLE billing.provider_refunds (
    refund_id        text PRIMARY KEY,
    idempotency_key  text NOT NULL UNIQUE,
    intent_id        text NOT NULL REFERENCES billing.provider_payment_intents (intent_id),
    amount_cents     bigint NOT NULL CHECK (amount_cents > 0),
    created_at       timestamptz NOT NULL
);

-- Refunds billing asked for, by the id the caller chose.
CREATE TABLE billing.refunds (
    refund_id           text PRIMARY KEY,
    invoice_id          text NOT NULL REFERENCES billing.invoices (invoice_id),
    owner               text NOT NULL,
    amount_cents        bigint NOT NULL CHECK (amount_cents > 0),
    provider_refund_id  text NOT NULL,
    requested_at        timestamptz NOT NULL
);

-- One correction per provider event (refund or chargeback). Status: DEDUCTED (the ledger took the
-- credits back), DEBT (the balance could not cover it: owed, for the partner to settle),
-- NOTHING_GRANTED (the invoice had granted nothing).
CREATE TABLE billing.payment_corrections (
    event_id           text PRIMARY KEY,
    kind               text NOT NULL,
    invoice_id         text NOT NULL REFERENCES billing.invoices (invoice_id),
    owner              text NOT NULL,
    amount_cents       bigint NOT NULL,
    credits_ucr        bigint NOT NULL,
    status             text NOT NULL,
    ledger_command_id  text,
    ledger_refusal     text,
    note               text NOT NULL,
    created_at         timestamptz NOT NULL
);
CREATE INDEX payment_corrections_by_owner ON billing.payment_corrections (owner, created_at);
