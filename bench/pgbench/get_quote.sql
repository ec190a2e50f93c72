-- What quote-service sends PostgreSQL for GET /api/quotes/{id}: one read transaction that loads
-- the live quote by id and its items in position order (QuoteRepository.findLive, then the
-- @OneToMany items). The id comes from bench_ids (the seeded quotes), one primary-key lookup.
\set n random(1, :quote_count)
BEGIN;
SELECT id, number, customer_id, status, title, notes, currency, subtotal_minor, tax_rate_bps,
       tax_minor, total_minor, valid_until, submitted_at, priced_at, decided_at, created_at,
       updated_at, deleted_at, version
  FROM forge_quotes
 WHERE id = (SELECT id FROM bench_ids WHERE n = :n) AND deleted_at IS NULL;
SELECT id, quote_id, position, description, quantity, unit, unit_price_minor, line_total_minor,
       created_at, updated_at
  FROM forge_quote_items
 WHERE quote_id = (SELECT id FROM bench_ids WHERE n = :n)
 ORDER BY position;
COMMIT;
