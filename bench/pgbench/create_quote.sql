-- What quote-service sends PostgreSQL for POST /api/quotes with two items and an Idempotency-Key
-- (IdempotentCreates, QuoteService.create, WebhookOutbox), in one transaction: the key's lock, the
-- expired record's removal and the lookup of a live one; the customer's lock and open-quote count
-- (FORGE_QUOTE_MAX_OPEN_PER_CUSTOMER, default 1000); the next number; the quote, its items and the
-- "created" audit event; whether any webhook subscription takes quote.created; the idempotency
-- record with the response. The customer is one of the seeded ones at random (bench_customers),
-- as wrk spreads its creates over them; the number's statement also draws the ids and the key, so
-- pgbench sends as many statements as the service does.
\set c random(1, :customer_count)
BEGIN;
SELECT gen_random_uuid() AS qid, nextval('forge_quote_numbers') AS num,
       (SELECT id FROM bench_customers WHERE n = :c) AS cid,
       encode(sha256(gen_random_uuid()::text::bytea), 'hex') AS k \gset
SELECT pg_try_advisory_xact_lock(hashtextextended('quote-idempotency:' || :cid || ':' || :k, 0));
DELETE FROM forge_quote_idempotency
 WHERE caller_id = :cid AND key_sha256 = :k AND created_at < now() - interval '24 hours';
SELECT request_sha256, response_status, response_body FROM forge_quote_idempotency
 WHERE caller_id = :cid AND key_sha256 = :k;
SELECT 1 FROM pg_advisory_xact_lock(hashtextextended('quote-open:' || :cid, 0));
SELECT count(*) FROM (
    SELECT 1 FROM forge_quotes
     WHERE customer_id = :cid AND deleted_at IS NULL AND status IN ('draft', 'submitted', 'priced')
     LIMIT 1000) open;
INSERT INTO forge_quotes (created_at, currency, customer_email, customer_id, decided_at, deleted_at,
       discount_minor, notes, number, priced_at, revision, status, submitted_at, subtotal_minor,
       tax_breakdown, tax_minor, tax_rate_bps, title, total_minor, updated_at, valid_until, version,
       id)
VALUES (now(), 'USD', 'bench@bench.patriotforge.dev', :cid, NULL, NULL, NULL, NULL,
       'Q-2026-' || lpad(:num::text, 6, '0'), NULL, 0, 'draft', NULL, NULL, NULL, NULL, NULL,
       'Bench quote', NULL, now(), NULL, 0, :qid);
INSERT INTO forge_quote_items (created_at, description, discount_bps, line_discount_minor,
       line_gross_minor, line_total_minor, position, quantity, quote_id, tax_rate_bps, unit,
       unit_price_minor, updated_at, id)
VALUES (now(), 'Steel bracket', NULL, NULL, NULL, NULL, 0, 12, :qid, NULL, 'ea', NULL, now(),
       gen_random_uuid());
INSERT INTO forge_quote_items (created_at, description, discount_bps, line_discount_minor,
       line_gross_minor, line_total_minor, position, quantity, quote_id, tax_rate_bps, unit,
       unit_price_minor, updated_at, id)
VALUES (now(), 'Anchor bolt', NULL, NULL, NULL, NULL, 1, 2.5, :qid, NULL, 'kg', NULL, now(),
       gen_random_uuid());
INSERT INTO forge_quote_events (actor_id, at, details, from_status, quote_id, to_status, type, id)
VALUES (:cid, now(), NULL, NULL, :qid, 'draft', 'created', gen_random_uuid());
SELECT 1 FROM forge_webhook_subscriptions
 WHERE events @> jsonb_build_array(CAST('quote.created' AS text)) LIMIT 1;
INSERT INTO forge_quote_idempotency (caller_id, key_sha256, request_sha256, quote_id,
       response_status, response_body, created_at)
VALUES (:cid, :k, :k, :qid, 201, repeat('x', 900), now());
COMMIT;
