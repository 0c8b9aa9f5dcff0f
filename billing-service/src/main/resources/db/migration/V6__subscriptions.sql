-- Subscriptions (R17): a recurring credit plan grants its AI credits once per paid period.

-- A plan with an interval is offered as a subscription; NULL is a one-off package. MONTH only.
ALTER TABLE billing.credit_plans ADD COLUMN billing_interval text;

-- Status: ACTIVE, PAST_DUE (a renewal's payment failed; nothing granted), CANCELED. The plan's
-- price, allocation and name are copied: a partner's later change never reprices a running period.
CREATE TABLE billing.subscriptions (
    subscription_id       text PRIMARY KEY,
    owner                 text NOT NULL,
    plan_id               text NOT NULL REFERENCES billing.credit_plans (plan_id),
    plan_name             text NOT NULL,
    price_usd_cents       bigint NOT NULL CHECK (price_usd_cents > 0),
    allocation_ucr        bigint NOT NULL CHECK (allocation_ucr > 0),
    billing_interval      text NOT NULL,
    status                text NOT NULL,
    period_no             int NOT NULL,
    current_period_start  timestamptz NOT NULL,
    current_period_end    timestamptz NOT NULL,
    cancel_at_period_end  boolean NOT NULL DEFAULT false,
    canceled_at           timestamptz,
    created_at            timestamptz NOT NULL
);
CREATE INDEX subscriptions_by_owner ON billing.subscriptions (owner, created_at);
CREATE INDEX live_subscriptions_due ON billing.subscriptions (current_period_end)
    WHERE status <> 'CANCELED';
-- One live subscription per account and plan, so subscribing twice never charges twice.
CREATE UNIQUE INDEX one_live_subscription_per_plan ON billing.subscriptions (owner, plan_id)
    WHERE status <> 'CANCELED';

-- One invoice per period; the key makes a second renewal of the same period impossible.
-- Status: AWAITING_PAYMENT, GRANTED, GRANT_REFUSED (paid, the ledger refused the credits).
CREATE TABLE billing.subscription_periods (
    subscription_id   text NOT NULL REFERENCES billing.subscriptions (subscription_id),
    period_no         int NOT NULL,
    period_start      timestamptz NOT NULL,
    period_end        timestamptz NOT NULL,
    invoice_id        text NOT NULL UNIQUE REFERENCES billing.invoices (invoice_id),
    status            text NOT NULL,
    grant_command_id  text,
    grant_refusal     text,
    granted_at        timestamptz,
    PRIMARY KEY (subscription_id, period_no)
);
