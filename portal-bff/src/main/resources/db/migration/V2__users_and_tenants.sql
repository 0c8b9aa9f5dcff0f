-- Who may sign in to the portal, and which tenant each signed-in user belongs to.
-- A tenant is a ledger account holder ('partner:acme', 'customer:bistro'); partner_id is the
-- partner that owns it (itself for a partner). The ledger's GET /accounts/{id} tells the same
-- partner id, and the portal checks both before it shows a customer to a partner.
CREATE TABLE portal.tenant (
    account_id          text PRIMARY KEY,
    kind                text NOT NULL CHECK (kind IN ('PARTNER', 'CUSTOMER')),
    partner_id          text NOT NULL,
    display_name        text NOT NULL,
    -- R3: Billing & Payments shows once the customer has portal access.
    portal_access       boolean NOT NULL DEFAULT true,
    -- R5: the customer's own AI Gateway toggle in Features & Add-ons.
    ai_gateway_visible  boolean NOT NULL DEFAULT true,
    CHECK (kind = 'CUSTOMER' OR account_id = 'partner:' || partner_id)
);
CREATE INDEX tenant_by_partner ON portal.tenant (partner_id, kind);

CREATE TABLE portal.portal_user (
    email          text PRIMARY KEY CHECK (email = lower(email)),
    password_hash  text NOT NULL,
    role           text NOT NULL CHECK (role IN ('PARTNER', 'CUSTOMER')),
    account_id     text NOT NULL REFERENCES portal.tenant (account_id),
    display_name   text NOT NULL
);

-- The demo tenants and logins of README.md (password "demo", BCrypt cost 10).
INSERT INTO portal.tenant (account_id, kind, partner_id, display_name) VALUES
    ('partner:acme', 'PARTNER', 'acme', 'Acme Agency'),
    ('customer:bistro', 'CUSTOMER', 'acme', 'Bistro'),
    ('customer:cornershop', 'CUSTOMER', 'acme', 'Corner Shop');

INSERT INTO portal.portal_user (email, password_hash, role, account_id, display_name) VALUES
    ('acme@demo.ledgerline', '$2a$10$WvbiHhoI.jpOIaVNljUnb.WdomnlJggGtEmJDJBvlONq8RDrxET6i',
     'PARTNER', 'partner:acme', 'Acme Agency'),
    ('bistro@demo.ledgerline', '$2a$10$WvbiHhoI.jpOIaVNljUnb.WdomnlJggGtEmJDJBvlONq8RDrxET6i',
     'CUSTOMER', 'customer:bistro', 'Bistro'),
    ('cornershop@demo.ledgerline', '$2a$10$WvbiHhoI.jpOIaVNljUnb.WdomnlJggGtEmJDJBvlONq8RDrxET6i',
     'CUSTOMER', 'customer:cornershop', 'Corner Shop');
