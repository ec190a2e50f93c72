-- Negotiated quotes (contract section 3): per-line discounts and tax rates, tax per rate group,
-- immutable hashed revisions, change requests and acceptance evidence in the audit trail.

-- Lines: a discount and an optional own tax rate; gross and discount amounts once priced.
ALTER TABLE forge_quote_items
    ADD COLUMN discount_bps        integer CHECK (discount_bps BETWEEN 0 AND 10000),
    ADD COLUMN tax_rate_bps        integer CHECK (tax_rate_bps BETWEEN 0 AND 10000),
    ADD COLUMN line_gross_minor    bigint  CHECK (line_gross_minor >= 0),
    ADD COLUMN line_discount_minor bigint  CHECK (line_discount_minor >= 0);

-- Lines priced before discounts existed: gross = the old line total, no discount.
UPDATE forge_quote_items
SET discount_bps = 0, line_gross_minor = line_total_minor, line_discount_minor = 0
WHERE unit_price_minor IS NOT NULL;

ALTER TABLE forge_quote_items
    ADD CONSTRAINT forge_quote_items_priced_whole CHECK (
        (unit_price_minor IS NULL) = (discount_bps IS NULL)
        AND (unit_price_minor IS NULL) = (line_gross_minor IS NULL)
        AND (unit_price_minor IS NULL) = (line_discount_minor IS NULL)
        AND (tax_rate_bps IS NULL OR unit_price_minor IS NOT NULL));

-- Quotes: the current revision (0 until the first pricing), the discounts, the tax per rate.
ALTER TABLE forge_quotes
    ADD COLUMN revision       integer NOT NULL DEFAULT 0 CHECK (revision >= 0),
    ADD COLUMN discount_minor bigint CHECK (discount_minor >= 0),
    ADD COLUMN tax_breakdown  jsonb;

-- Every quote that holds prices (priced, accepted, declined, expired, and cancelled after a
-- pricing) is at revision 1: one rate on the subtotal, as before.
UPDATE forge_quotes
SET revision = 1,
    discount_minor = 0,
    tax_breakdown = jsonb_build_array(jsonb_build_object(
        'tax_rate_bps', tax_rate_bps, 'taxable_minor', subtotal_minor, 'tax_minor', tax_minor))
WHERE total_minor IS NOT NULL;

ALTER TABLE forge_quotes
    ADD CONSTRAINT forge_quotes_money_whole CHECK (
        (discount_minor IS NULL) = (total_minor IS NULL)
        AND (tax_breakdown IS NULL) = (total_minor IS NULL)
        AND (total_minor IS NULL OR revision >= 1));

-- Each pricing of a quote, as it was written: never updated, never deleted. `items` and
-- `tax_breakdown` are the canonical JSON of those parts; `canonical` is the whole revision in the
-- canonical form (RFC 8785, JCS, for the subset used: objects with sorted keys, arrays, strings,
-- integers and null, no whitespace) and `sha256` the hex SHA-256 of its UTF-8 bytes.
CREATE TABLE forge_quote_revisions (
    quote_id       uuid        NOT NULL REFERENCES forge_quotes (id),
    revision       integer     NOT NULL CHECK (revision >= 1),
    priced_at      timestamptz NOT NULL,
    -- Who priced it; null only for revisions backfilled without a pricing event.
    priced_by      uuid,
    note           varchar(2000),
    valid_until    timestamptz NOT NULL,
    currency       varchar(3)  NOT NULL,
    tax_rate_bps   integer     NOT NULL CHECK (tax_rate_bps BETWEEN 0 AND 10000),
    items          jsonb       NOT NULL,
    subtotal_minor bigint      NOT NULL CHECK (subtotal_minor >= 0),
    discount_minor bigint      NOT NULL CHECK (discount_minor >= 0),
    tax_minor      bigint      NOT NULL CHECK (tax_minor >= 0),
    total_minor    bigint      NOT NULL CHECK (total_minor >= 0),
    tax_breakdown  jsonb       NOT NULL,
    canonical      text        NOT NULL,
    sha256         varchar(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    PRIMARY KEY (quote_id, revision)
);

-- Immutability, for every role including the owner: a trigger refuses UPDATE, DELETE and
-- TRUNCATE. The runtime role also loses those privileges (it got them through the migration
-- role's default privileges), so it is refused before the trigger runs.
CREATE FUNCTION forge_quote_revisions_immutable() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'quote revisions are immutable: % refused', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE TRIGGER forge_quote_revisions_no_change
    BEFORE UPDATE OR DELETE ON forge_quote_revisions
    FOR EACH ROW EXECUTE FUNCTION forge_quote_revisions_immutable();
CREATE TRIGGER forge_quote_revisions_no_truncate
    BEFORE TRUNCATE ON forge_quote_revisions
    FOR EACH STATEMENT EXECUTE FUNCTION forge_quote_revisions_immutable();

REVOKE UPDATE, DELETE, TRUNCATE ON forge_quote_revisions FROM PUBLIC;
DO $$
DECLARE grantee text;
BEGIN
    FOR grantee IN
        SELECT DISTINCT a.grantee::regrole::text
        FROM pg_class c, aclexplode(c.relacl) a
        WHERE c.oid = 'forge_quote_revisions'::regclass AND a.grantee <> 0
          AND a.grantee <> c.relowner
          AND a.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')
    LOOP
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON forge_quote_revisions FROM %s',
                       grantee);
    END LOOP;
END
$$;

-- Revision 1 of every quote that holds prices, from its current prices, in the same canonical
-- form the service writes (string escaping by to_json matches JCS for text without unpaired
-- surrogates, which the API refuses; quantities are decimal strings; instants have milliseconds).
WITH lines AS (
    SELECT i.quote_id,
           '[' || string_agg(
               '{"description":' || to_json(i.description)::text
               || ',"discount_bps":0,"id":"' || i.id::text
               || '","line_discount_minor":0,"line_gross_minor":' || i.line_total_minor
               || ',"line_total_minor":' || i.line_total_minor
               || ',"position":' || i.position
               || ',"quantity":"' || trim_scale(i.quantity)::text
               || '","tax_rate_bps":null,"unit":' || to_json(i.unit)::text
               || ',"unit_price_minor":' || i.unit_price_minor || '}',
               ',' ORDER BY i.position) || ']' AS items
    FROM forge_quote_items i
    GROUP BY i.quote_id
), priced AS (
    SELECT q.*, l.items,
           '[{"tax_minor":' || q.tax_minor || ',"tax_rate_bps":' || q.tax_rate_bps
               || ',"taxable_minor":' || q.subtotal_minor || '}]' AS breakdown,
           (SELECT e.actor_id FROM forge_quote_events e
            WHERE e.quote_id = q.id AND e.type = 'priced'
            ORDER BY e.seq DESC LIMIT 1) AS pricer
    FROM forge_quotes q JOIN lines l ON l.quote_id = q.id
    WHERE q.total_minor IS NOT NULL
), documents AS (
    SELECT p.*,
           '{"currency":"' || p.currency || '","discount_minor":0,"items":' || p.items
           || ',"note":null,"priced_at":"'
           || to_char(p.priced_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
           || '","priced_by":' || coalesce('"' || p.pricer::text || '"', 'null')
           || ',"quote_id":"' || p.id::text || '","revision":1,"subtotal_minor":'
           || p.subtotal_minor || ',"tax_breakdown":' || p.breakdown
           || ',"tax_minor":' || p.tax_minor || ',"tax_rate_bps":' || p.tax_rate_bps
           || ',"total_minor":' || p.total_minor || ',"valid_until":"'
           || to_char(p.valid_until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
           || '"}' AS canonical
    FROM priced p
)
INSERT INTO forge_quote_revisions
    (quote_id, revision, priced_at, priced_by, note, valid_until, currency, tax_rate_bps, items,
     subtotal_minor, discount_minor, tax_minor, total_minor, tax_breakdown, canonical, sha256)
SELECT id, 1, priced_at, pricer, NULL, valid_until, currency, tax_rate_bps, items::jsonb,
       subtotal_minor, 0, tax_minor, total_minor, breakdown::jsonb, canonical,
       encode(sha256(convert_to(canonical, 'UTF8')), 'hex')
FROM documents;

-- The audit trail: change requests, and details (null or an object) on an event.
ALTER TABLE forge_quote_events ALTER COLUMN type TYPE varchar(32);
ALTER TABLE forge_quote_events DROP CONSTRAINT forge_quote_events_type_check;
ALTER TABLE forge_quote_events
    ADD CONSTRAINT forge_quote_events_type_check CHECK (type IN
        ('created', 'updated', 'submitted', 'priced', 'changes_requested', 'accepted', 'declined',
         'expired', 'cancelled', 'deleted')),
    ADD COLUMN details jsonb CHECK (details IS NULL OR jsonb_typeof(details) = 'object');
