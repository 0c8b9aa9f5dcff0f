-- Commerce (billing-service/README.md, "Commerce"): money is whole USD cents and micro-credits,
-- never a fraction. An owner is a ledger account id: customer:<id> or partner:<id>.

-- A partner's credit plans (R16). Status: ACTIVE, ARCHIVED; an archived plan is never sold again
-- but stays, since invoices name it.
CREATE TABLE billing.credit_plans (
    plan_id          text PRIMARY KEY,
    partner_id       text NOT NULL,
    name             text NOT NULL,
    price_usd_cents  bigint NOT NULL CHECK (price_usd_cents > 0),
    ai_credits_ucr   bigint NOT NULL CHECK (ai_credits_ucr > 0),
    status           text NOT NULL,
    created_at       timestamptz NOT NULL
);
CREATE INDEX credit_plans_by_partner ON billing.credit_plans (partner_id, created_at);

-- "Restrict Credit Plan Visibility": a customer with a row sees only these plans; without one,
-- every active plan of its partner.
CREATE TABLE billing.customer_plan_visibility (
    customer_id  text PRIMARY KEY,
    plan_ids     text[] NOT NULL,
    updated_at   timestamptz NOT NULL
);

-- Saved payment methods as billing shows them (R17): the provider's id, never a card number.
CREATE TABLE billing.payment_methods (
    method_id   text PRIMARY KEY,
    owner       text NOT NULL,
    brand       text NOT NULL,
    last4       text NOT NULL,
    exp_month   int NOT NULL,
    exp_year    int NOT NULL,
    is_default  boolean NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX payment_methods_by_owner ON billing.payment_methods (owner, created_at);
CREATE UNIQUE INDEX one_default_payment_method ON billing.payment_methods (owner) WHERE is_default;

-- Invoices (R17). Status: draft, open, paid, void, uncollectible. Amounts in USD cents.
CREATE SEQUENCE billing.invoice_numbers;
CREATE TABLE billing.invoices (
    invoice_id          text PRIMARY KEY,
    number              text NOT NULL UNIQUE,
    owner               text NOT NULL,
    status              text NOT NULL,
    currency            text NOT NULL,
    subtotal_cents      bigint NOT NULL,
    total_cents         bigint NOT NULL,
    amount_paid_cents   bigint NOT NULL,
    payment_intent_id   text UNIQUE,
    last_payment_error  text,
    paid_by_event_id    text,
    created_at          timestamptz NOT NULL,
    finalized_at        timestamptz,
    paid_at             timestamptz,
    voided_at           timestamptz
);
CREATE INDEX invoices_by_owner ON billing.invoices (owner, created_at DESC);

CREATE TABLE billing.invoice_lines (
    invoice_id         text NOT NULL REFERENCES billing.invoices (invoice_id),
    line_no            int NOT NULL,
    description        text NOT NULL,
    quantity           bigint NOT NULL,
    unit_amount_cents  bigint NOT NULL,
    amount_cents       bigint NOT NULL,
    PRIMARY KEY (invoice_id, line_no)
);

-- A purchase of a credit plan or of platform credits (Quick Buy), by the id its caller chose.
-- Status: AWAITING_PAYMENT, CREDITED, GRANT_REFUSED. The grant is AddCredits on `owner`.
CREATE TABLE billing.purchases (
    purchase_id        text PRIMARY KEY,
    owner              text NOT NULL,
    kind               text NOT NULL,
    plan_id            text,
    credits_ucr        bigint NOT NULL,
    price_usd_cents    bigint NOT NULL,
    note               text NOT NULL,
    fingerprint        text NOT NULL,
    invoice_id         text NOT NULL UNIQUE REFERENCES billing.invoices (invoice_id),
    status             text NOT NULL,
    grant_command_id   text,
    grant_refusal      text,
    created_at         timestamptz NOT NULL,
    credited_at        timestamptz
);
CREATE INDEX purchases_by_owner ON billing.purchases (owner, created_at DESC);

-- Every provider event billing acted on, so a redelivered one changes nothing.
CREATE TABLE billing.processed_payment_events (
    event_id      text PRIMARY KEY,
    type          text NOT NULL,
    outcome       text NOT NULL,
    processed_at  timestamptz NOT NULL
);

-- The built-in payment provider's own state (payments/builtin). It stands for a provider outside
-- billing: billing's tables above never join these.
CREATE TABLE billing.provider_payment_methods (
    method_id   text PRIMARY KEY,
    owner       text NOT NULL,
    brand       text NOT NULL,
    last4       text NOT NULL,
    exp_month   int NOT NULL,
    exp_year    int NOT NULL,
    behaviour   text NOT NULL,
    detached    boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL
);

CREATE TABLE billing.provider_payment_intents (
    intent_id              text PRIMARY KEY,
    idempotency_key        text NOT NULL UNIQUE,
    amount_cents           bigint NOT NULL,
    currency               text NOT NULL,
    reference              text NOT NULL,
    status                 text NOT NULL,
    method_id              text,
    failure_code           text,
    amount_refunded_cents  bigint NOT NULL DEFAULT 0,
    created_at             timestamptz NOT NULL
);

CREATE TABLE billing.provider_events (
    event_id         text PRIMARY KEY,
    type             text NOT NULL,
    payload          text NOT NULL,
    created_at       timestamptz NOT NULL,
    delivered_at     timestamptz,
    attempts         int NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL
);
CREATE INDEX provider_events_due ON billing.provider_events (next_attempt_at) WHERE delivered_at IS NULL;
