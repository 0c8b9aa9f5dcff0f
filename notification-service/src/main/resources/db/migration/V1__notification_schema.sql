-- The notification schema belongs to notification-service alone; no other service reads it.
CREATE TABLE IF NOT EXISTS notification.service_info (
    name        text PRIMARY KEY,
    value       text NOT NULL
);
INSERT INTO notification.service_info (name, value) VALUES ('schema_owner', 'notification-service')
    ON CONFLICT (name) DO NOTHING;
