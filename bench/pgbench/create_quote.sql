-- What quote-service sends PostgreSQL for POST /api/quotes with two items: the next number,
-- the quote, its items and the "created" audit event, in one transaction.
BEGIN;
SELECT gen_random_uuid() AS qid, nextval('forge_quote_numbers') AS num \gset
INSERT INTO forge_quotes (id, number, customer_id, status, title, notes, currency,
       subtotal_minor, tax_rate_bps, tax_minor, total_minor, valid_until, submitted_at, priced_at,
       decided_at, created_at, updated_at, deleted_at, version)
VALUES (:qid, 'Q-2026-' || lpad(:num::text, 6, '0'), :customer_id, 'draft', 'Bench quote', NULL,
       'USD', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, now(), now(), NULL, 0);
INSERT INTO forge_quote_items (id, quote_id, position, description, quantity, unit,
       unit_price_minor, line_total_minor, created_at, updated_at)
VALUES (gen_random_uuid(), :qid, 0, 'Steel bracket', 12, 'ea', NULL, NULL, now(), now());
INSERT INTO forge_quote_items (id, quote_id, position, description, quantity, unit,
       unit_price_minor, line_total_minor, created_at, updated_at)
VALUES (gen_random_uuid(), :qid, 1, 'Anchor bolt', 2.5, 'kg', NULL, NULL, now(), now());
INSERT INTO forge_quote_events (id, quote_id, type, actor_id, from_status, to_status, at)
VALUES (gen_random_uuid(), :qid, 'created', :customer_id, NULL, 'draft', now());
COMMIT;
