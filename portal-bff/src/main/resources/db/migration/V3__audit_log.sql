-- The privileged-activity audit log: append-only, hash-chained per tenant. The portal writes
-- rows; nothing may change or remove one, whichever role connects. The triggers refuse UPDATE,
-- DELETE and TRUNCATE; the chain makes a change made around them (a superuser disabling a trigger,
-- a restored dump) visible to portal.audit_verify.
CREATE TABLE portal.audit_record (
    seq         bigserial PRIMARY KEY,
    tenant      text NOT NULL,
    -- 1, 2, 3 ... within the tenant, in chain order (a gap is a removed record).
    position    bigint NOT NULL,
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    -- user:<e-mail>, service:<client id>, key:<prefix>; never a secret.
    actor       text NOT NULL,
    action      text NOT NULL,
    target      text,
    before      jsonb,
    after       jsonb,
    -- OK, or the refusal code the portal or the service behind it answered.
    outcome     text NOT NULL,
    source      text,
    prev_hash   text NOT NULL,
    hash        text NOT NULL,
    UNIQUE (tenant, position)
);
CREATE INDEX audit_record_by_tenant_time ON portal.audit_record (tenant, at, seq);
CREATE INDEX audit_record_by_tenant_actor ON portal.audit_record (tenant, actor, at);
CREATE INDEX audit_record_by_tenant_action ON portal.audit_record (tenant, action, at);

-- What the hash covers: every column but seq and the hashes, as jsonb text (its keys in a fixed
-- order, its spacing fixed), the time as microseconds since the epoch so no time zone setting
-- changes it.
CREATE FUNCTION portal.audit_canonical(r portal.audit_record) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_build_object(
        'tenant', r.tenant, 'position', r.position,
        'at', (extract(epoch FROM r.at) * 1000000)::bigint,
        'actor', r.actor, 'action', r.action, 'target', r.target,
        'before', r.before, 'after', r.after, 'outcome', r.outcome, 'source', r.source)::text
$$;

CREATE FUNCTION portal.audit_hash(prev_hash text, r portal.audit_record) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(prev_hash || portal.audit_canonical(r), 'UTF8')), 'hex')
$$;

-- Chains each new record to its tenant's last one. The advisory lock orders concurrent writers
-- of one tenant, so each sees the other's record before it takes its position.
CREATE FUNCTION portal.audit_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    last portal.audit_record;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('portal.audit_record'), hashtext(NEW.tenant));
    SELECT * INTO last FROM portal.audit_record
        WHERE tenant = NEW.tenant ORDER BY position DESC LIMIT 1;
    NEW.position := coalesce(last.position, 0) + 1;
    NEW.prev_hash := coalesce(last.hash, '');
    NEW.hash := portal.audit_hash(NEW.prev_hash, NEW);
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_record_chain BEFORE INSERT ON portal.audit_record
    FOR EACH ROW EXECUTE FUNCTION portal.audit_chain();

CREATE FUNCTION portal.audit_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit records are append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_record_immutable BEFORE UPDATE OR DELETE ON portal.audit_record
    FOR EACH ROW EXECUTE FUNCTION portal.audit_immutable();
CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON portal.audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION portal.audit_immutable();

REVOKE UPDATE, DELETE, TRUNCATE ON portal.audit_record FROM PUBLIC;

-- The position of the first record of the tenant whose hash, link or position does not hold
-- (an altered, inserted or removed record), or NULL when the whole chain holds.
CREATE FUNCTION portal.audit_verify(p_tenant text) RETURNS bigint
LANGUAGE plpgsql STABLE AS $$
DECLARE
    r portal.audit_record;
    expected_prev text := '';
    expected_position bigint := 1;
BEGIN
    FOR r IN SELECT * FROM portal.audit_record WHERE tenant = p_tenant ORDER BY position LOOP
        IF r.position <> expected_position
                OR r.prev_hash <> expected_prev
                OR r.hash <> portal.audit_hash(r.prev_hash, r) THEN
            RETURN r.position;
        END IF;
        expected_prev := r.hash;
        expected_position := r.position + 1;
    END LOOP;
    RETURN NULL;
END
$$;
