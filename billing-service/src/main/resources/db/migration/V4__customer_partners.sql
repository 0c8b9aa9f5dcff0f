-- Each customer's partner, as the ledger opened the account (AccountOpened on ledger.events.v1).
-- A customer's partner never changes: the ledger refuses to open it again for another one.
CREATE TABLE billing.customer_partners (
    customer_id  text PRIMARY KEY,
    partner_id   text NOT NULL,
    event_id     text NOT NULL
);
