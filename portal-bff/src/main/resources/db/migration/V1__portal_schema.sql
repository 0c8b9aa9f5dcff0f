-- The portal schema belongs to portal-bff alone; no other service reads it.
CREATE TABLE IF NOT EXISTS portal.service_info (
    name        text PRIMARY KEY,
    value       text NOT NULL
);
INSERT INTO portal.service_info (name, value) VALUES ('schema_owner', 'portal-bff')
    ON CONFLICT (name) DO NOTHING;
