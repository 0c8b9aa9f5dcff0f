-- Usage meters and entitlements (R19). A workspace is a partner's customer account.

-- A plan's optional limits per billing period; NULL is no limit beyond what AI credits allow.
ALTER TABLE billing.credit_plans
    ADD COLUMN max_voice_minutes bigint CHECK (max_voice_minutes >= 0),
    ADD COLUMN max_chat_messages bigint CHECK (max_chat_messages >= 0),
    ADD COLUMN max_whatsapp_messages bigint CHECK (max_whatsapp_messages >= 0),
    ADD COLUMN max_test_runs bigint CHECK (max_test_runs >= 0),
    ADD COLUMN max_agents bigint CHECK (max_agents >= 0),
    ADD COLUMN max_seats bigint CHECK (max_seats >= 0);

-- Every admitted call or chat as metering sees it. Environment: PRODUCTION, PREVIEW, TEST; a
-- preview or test is a test run and never counts against production allowances.
CREATE TABLE billing.metered_calls (
    call_id      text PRIMARY KEY,
    customer_id  text NOT NULL,
    agent_id     text NOT NULL,
    environment  text NOT NULL,
    started_at   timestamptz NOT NULL
);
CREATE INDEX metered_calls_by_customer ON billing.metered_calls (customer_id, started_at);

-- What each ended call or reported session used, once per source and meter.
-- Meter: VOICE_MINUTES, CHAT_MESSAGES, WHATSAPP_MESSAGES.
CREATE TABLE billing.meter_entries (
    source_id    text NOT NULL,
    meter        text NOT NULL,
    customer_id  text NOT NULL,
    environment  text NOT NULL,
    quantity     bigint NOT NULL CHECK (quantity >= 0),
    occurred_at  timestamptz NOT NULL,
    PRIMARY KEY (source_id, meter)
);
CREATE INDEX meter_entries_by_customer ON billing.meter_entries (customer_id, occurred_at);
