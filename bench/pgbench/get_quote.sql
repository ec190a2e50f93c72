-- What quote-service sends PostgreSQL for GET /api/quotes/{id}: one SELECT of the live quote and
-- its items in position order (QuoteRepository.findLive: a join fetch), in autocommit, outside a
-- transaction (QuoteService.get). The id comes from bench_ids (the seeded quotes).
\set n random(1, :quote_count)
SELECT q.id, q.number, q.customer_id, q.customer_email, q.status, q.title, q.notes, q.currency,
       q.revision, q.subtotal_minor, q.discount_minor, q.tax_rate_bps, q.tax_minor, q.total_minor,
       q.tax_breakdown, q.valid_until, q.submitted_at, q.priced_at, q.decided_at, q.created_at,
       q.updated_at, q.deleted_at, q.version,
       i.quote_id, i.id, i.position, i.description, i.quantity, i.unit, i.unit_price_minor,
       i.discount_bps, i.tax_rate_bps, i.line_gross_minor, i.line_discount_minor,
       i.line_total_minor, i.created_at, i.updated_at
  FROM forge_quotes q
  LEFT JOIN forge_quote_items i ON i.quote_id = q.id
 WHERE q.id = (SELECT id FROM bench_ids WHERE n = :n) AND q.deleted_at IS NULL
 ORDER BY i.position;
