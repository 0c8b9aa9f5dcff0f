-- One row per usage request id that billing has finished with. Written in the same transaction
-- as its usage_charges row, so a redelivered usage record is recognised and skipped.
CREATE TABLE billing.processed_usage (
    request_id   text PRIMARY KEY,
    event_id     text NOT NULL UNIQUE,
    processed_at timestamptz NOT NULL DEFAULT now()
);

-- What each use was rated at and what the ledger answered (Detailed Usage in the portal).
-- Money columns are micro-credits: platform cost in platform credits, customer charge in the
-- partner's AI credits. An outcome is POSTED, a ledger refusal code, or NOT_SENT.
CREATE TABLE billing.usage_charges (
    request_id          text PRIMARY KEY REFERENCES billing.processed_usage (request_id),
    event_id            text NOT NULL,
    source              text NOT NULL,
    customer_id         text,
    partner_id          text,
    key_id              text,
    model               text,
    tokens_in           bigint NOT NULL,
    tokens_out          bigint NOT NULL,
    call_seconds        bigint NOT NULL,
    tool_calls          bigint NOT NULL,
    platform_cost_ucr   bigint NOT NULL,
    customer_charge_ucr bigint,
    status              text NOT NULL,
    refusal_code        text,
    platform_command_id text,
    platform_outcome    text NOT NULL,
    customer_command_id text,
    customer_outcome    text NOT NULL,
    occurred_at         timestamptz NOT NULL,
    charged_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX usage_charges_by_customer
    ON billing.usage_charges (customer_id, occurred_at DESC, request_id);

-- A customer's AI-credit terms as the ledger announced them (AiCreditsConfigured).
CREATE TABLE billing.customer_ai_terms (
    customer_id           text PRIMARY KEY,
    enabled               boolean NOT NULL,
    price_per_minute_ucr  bigint NOT NULL,
    event_sequence        bigint NOT NULL,
    event_id              text NOT NULL
);

CREATE TABLE billing.processed_ledger_events (
    event_id     text PRIMARY KEY,
    processed_at timestamptz NOT NULL DEFAULT now()
);

-- Agent sessions received over HTTP, idempotent on the client's session id.
CREATE TABLE billing.agent_sessions (
    session_id     text PRIMARY KEY,
    request_id     text NOT NULL UNIQUE,
    payload_sha256 text NOT NULL,
    received_at    timestamptz NOT NULL DEFAULT now()
);
