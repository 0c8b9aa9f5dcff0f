-- Features & Add-ons: the per-customer toggles a partner sets in the customer's Manage panel.
-- portal_access (Customer Portal Enabled, R3) and ai_gateway_visible (R5) are V2's.
ALTER TABLE portal.tenant
    -- R2: menu items the partner switches on; My Docs & Media shows as Coming Soon.
    ADD COLUMN knowledge_base    boolean NOT NULL DEFAULT false,
    ADD COLUMN phone_numbers     boolean NOT NULL DEFAULT false,
    ADD COLUMN integration       boolean NOT NULL DEFAULT false,
    ADD COLUMN integration_apps  text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN my_docs_and_media boolean NOT NULL DEFAULT false,
    -- R4: API Keys shows only with API Access; its visibility cannot be on without it.
    ADD COLUMN api_access        boolean NOT NULL DEFAULT false,
    ADD COLUMN api_keys_visible  boolean NOT NULL DEFAULT false,
    -- R6: turned off when AI credits are turned on, and kept off while they are on.
    ADD COLUMN show_pricing      boolean NOT NULL DEFAULT true,
    ADD CONSTRAINT api_keys_need_api_access CHECK (api_access OR NOT api_keys_visible);
