-- What the floor (bench/floor) sends PostgreSQL for GET /rows/{id}: Hibernate's findById, one
-- primary-key SELECT in autocommit (no transaction around the read).
\set id random(1, :rows)
SELECT f1_0.id, f1_0.created_at, f1_0.status, f1_0.title, f1_0.total_minor
  FROM floor_rows f1_0
 WHERE f1_0.id = :id;
