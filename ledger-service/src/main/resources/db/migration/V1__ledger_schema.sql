-- The ledger schema belongs to ledger-service alone; no other service reads it.
CREATE TABLE IF NOT EXISTS ledger.service_info (
    name        text PRIMARY KEY,
    value       text NOT NULL
);
INSERT INTO ledger.service_info (name, value) VALUES ('schema_owner', 'ledger-service')
    ON CONFLICT (name) DO NOTHING;
