-- Every usage id the ledger charged, under the account whose usage it was (the customer's when
-- its partner pays for it): a second MeterUsage or settlement of one usage id is refused however
-- long ago the first was. Written in the same transaction as the event that charged it; the
-- primary key is what refuses a duplicate that two writers append at the same moment.
CREATE TABLE ledger.charged_usage (
    account_id varchar(140) NOT NULL,
    usage_id   varchar(64)  NOT NULL,
    command_id varchar(64)  NOT NULL,
    PRIMARY KEY (account_id, usage_id)
);

-- Usage charged before this table existed, from the event store (the first charge wins).
INSERT INTO ledger.charged_usage (account_id, usage_id, command_id)
SELECT COALESCE(event.body ->> 'usedBy', stored.aggregate_identifier),
       event.body ->> 'usageId',
       event.body -> 'header' ->> 'commandId'
  FROM ledger.domain_event_entry stored
 CROSS JOIN LATERAL (SELECT convert_from(stored.payload, 'UTF8')::jsonb AS body) event
 WHERE (stored.payload_type LIKE '%.UsageMetered'
        OR stored.payload_type LIKE '%.ReservationSettled')
   AND event.body ->> 'usageId' IS NOT NULL
 ORDER BY stored.global_index
    ON CONFLICT (account_id, usage_id) DO NOTHING;
