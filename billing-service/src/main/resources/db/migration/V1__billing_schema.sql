-- The billing schema belongs to billing-service alone; no other service reads it.
CREATE TABLE IF NOT EXISTS billing.service_info (
    name        text PRIMARY KEY,
    value       text NOT NULL
);
INSERT INTO billing.service_info (name, value) VALUES ('schema_owner', 'billing-service')
    ON CONFLICT (name) DO NOTHING;
