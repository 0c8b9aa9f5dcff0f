-- The hosted invoice page: each invoice's page is found by a random 256-bit token, the only
-- credential a customer holds for it, so it is unguessable without being a secret billing must
-- hide from itself. Invoices issued before have no page.
ALTER TABLE billing.invoices ADD COLUMN hosted_token text UNIQUE;
