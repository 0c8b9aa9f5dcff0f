-- Partner gateway settings: the partner's tier (which model bands its keys may use) and the
-- customer self-service settings of R12.
CREATE TABLE gateway.partner_settings (
    partner_id                          text PRIMARY KEY,
    tier                                text NOT NULL,
    self_service_enabled                boolean NOT NULL,
    apply_to_new_customers              boolean NOT NULL,
    apply_to_existing_customers         boolean NOT NULL,
    default_profit_multiplier_percent   bigint NOT NULL CHECK (default_profit_multiplier_percent >= 0),
    ai_credit_price_ucr                 bigint NOT NULL CHECK (ai_credit_price_ucr > 0),
    self_service_enabled_at             timestamptz,
    updated_at                          timestamptz NOT NULL
);

-- A virtual key. The secret itself is never stored: only its SHA-256 and a display prefix.
CREATE TABLE gateway.virtual_key (
    key_id                          text PRIMARY KEY,
    kind                            text NOT NULL,
    partner_id                      text NOT NULL,
    customer_id                     text,
    name                            text NOT NULL,
    description                     text,
    secret_sha256                   bytea NOT NULL UNIQUE,
    secret_prefix                   text NOT NULL,
    allowed_models                  text[] NOT NULL,
    allowed_domains                 text[] NOT NULL,
    platform_fee_ucr                bigint NOT NULL,
    profit_multiplier_percent       bigint,
    ai_credit_price_ucr             bigint,
    min_cost_floor_per_million_ucr  bigint,
    auto_top_up_threshold_cents     bigint,
    auto_top_up_amount_cents        bigint,
    requests_per_minute             integer,
    tokens_per_minute               bigint,
    expires_at                      timestamptz,
    status                          text NOT NULL,
    created_at                      timestamptz NOT NULL,
    revoked_at                      timestamptz,
    last_used_at                    timestamptz,
    charged_ucr                     bigint NOT NULL DEFAULT 0
);
CREATE INDEX virtual_key_partner ON gateway.virtual_key (partner_id);
CREATE INDEX virtual_key_customer ON gateway.virtual_key (customer_id);

-- The ledger reservations that fund a key: its budget (and every top-up) or its deposit.
CREATE TABLE gateway.key_reservation (
    reservation_id  text PRIMARY KEY,
    key_id          text NOT NULL REFERENCES gateway.virtual_key (key_id),
    amount_ucr      bigint NOT NULL CHECK (amount_ucr > 0),
    fee_ucr         bigint NOT NULL CHECK (fee_ucr >= 0),
    kind            text NOT NULL,
    released        boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL
);
CREATE INDEX key_reservation_key ON gateway.key_reservation (key_id);

-- Client-chosen command ids of management writes, so a retried write changes nothing twice.
CREATE TABLE gateway.key_command (
    command_id      text PRIMARY KEY,
    action          text NOT NULL,
    key_id          text NOT NULL,
    payload_sha256  bytea NOT NULL,
    created_at      timestamptz NOT NULL
);
