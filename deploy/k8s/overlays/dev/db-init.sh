#!/bin/sh
# Waits for the dev PostgreSQL, then runs db-init.sql (the same SQL ./forge runs locally) with
# the passwords of the Secrets. Idempotent: safe to run again.
set -eu
host="${PGHOST:-postgres}"
until pg_isready -h "$host" -U postgres >/dev/null 2>&1; do
    echo "waiting for PostgreSQL at $host"
    sleep 2
done
export PGPASSWORD="$PG_SUPER_PASSWORD"
psql -X -q -v ON_ERROR_STOP=1 -h "$host" -U postgres -d postgres -v db=forge \
    -v auth_pw="$AUTH_DB_PASSWORD" -v quote_pw="$QUOTE_DB_PASSWORD" \
    -v auth_mig_pw="$AUTH_DB_MIGRATION_PASSWORD" -v quote_mig_pw="$QUOTE_DB_MIGRATION_PASSWORD" \
    -f "$(dirname "$0")/db-init.sql"
echo "database forge, schemas auth and quote (owned by the migration roles) are ready"
