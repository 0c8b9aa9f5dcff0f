-- The gateway schema belongs to gateway-service alone; no other service reads it.
CREATE TABLE IF NOT EXISTS gateway.service_info (
    name        text PRIMARY KEY,
    value       text NOT NULL
);
INSERT INTO gateway.service_info (name, value) VALUES ('schema_owner', 'gateway-service')
    ON CONFLICT (name) DO NOTHING;
