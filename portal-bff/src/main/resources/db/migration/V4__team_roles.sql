-- R7: each portal login is a team member of its tenant with one role. Every login so far was the
-- tenant's only one, so each becomes its owner; a login added without a role gets the least.
ALTER TABLE portal.portal_user ADD COLUMN team_role text NOT NULL DEFAULT 'MEMBER'
    CHECK (team_role IN ('OWNER', 'ADMIN', 'BILLING', 'MEMBER', 'AUDITOR'));
UPDATE portal.portal_user SET team_role = 'OWNER';
CREATE INDEX portal_user_by_account ON portal.portal_user (account_id, team_role);

-- An invitation to join a tenant's team. Only the token's SHA-256 is kept: the token itself is in
-- the link the inviter was shown once.
CREATE TABLE portal.invitation (
    id           bigserial PRIMARY KEY,
    account_id   text NOT NULL REFERENCES portal.tenant (account_id),
    email        text NOT NULL CHECK (email = lower(email)),
    team_role    text NOT NULL CHECK (team_role IN ('OWNER', 'ADMIN', 'BILLING', 'MEMBER', 'AUDITOR')),
    token_hash   text NOT NULL UNIQUE,
    invited_by   text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    accepted_at  timestamptz
);

-- A demo team member without the settings permission (README.md; password "demo").
INSERT INTO portal.portal_user (email, password_hash, role, account_id, display_name, team_role)
VALUES ('acme-member@demo.ledgerline',
        '$2a$10$WvbiHhoI.jpOIaVNljUnb.WdomnlJggGtEmJDJBvlONq8RDrxET6i',
        'PARTNER', 'partner:acme', 'Acme team member', 'MEMBER');
