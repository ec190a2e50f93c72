#!/bin/sh
# Creates (or brings up to date) what the services expect in PostgreSQL, as deploy/forge/lib.sh
# forge_prepare_database does: database "forge"; schema auth owned by the migration role
# forge_auth_migrator and schema quote by forge_quote_migrator (only Flyway uses them); the
# runtime roles forge_auth and forge_quote get DML only, also on tables later migrations create
# (default privileges). Neither service can use the other's schema; nobody else can create
# anything. Idempotent: safe to run again (passwords are reset to the Secret's values).
set -eu
host="${PGHOST:-postgres}"
until pg_isready -h "$host" -U postgres >/dev/null 2>&1; do
    echo "waiting for PostgreSQL at $host"
    sleep 2
done
export PGPASSWORD="$PG_SUPER_PASSWORD"
psql -X -q -v ON_ERROR_STOP=1 -h "$host" -U postgres -d postgres \
    -v auth_pw="$AUTH_DB_PASSWORD" -v quote_pw="$QUOTE_DB_PASSWORD" \
    -v auth_mig_pw="$AUTH_DB_MIGRATION_PASSWORD" -v quote_mig_pw="$QUOTE_DB_MIGRATION_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', r)
  FROM unnest(ARRAY['forge_auth', 'forge_quote', 'forge_auth_migrator', 'forge_quote_migrator']) AS r
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) \gexec
ALTER ROLE forge_auth WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'auth_pw';
ALTER ROLE forge_quote WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'quote_pw';
ALTER ROLE forge_auth_migrator WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'auth_mig_pw';
ALTER ROLE forge_quote_migrator WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'quote_mig_pw';
SELECT 'CREATE DATABASE forge ENCODING ''UTF8'' TEMPLATE template0'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'forge') \gexec
REVOKE ALL ON DATABASE forge FROM PUBLIC;
GRANT CONNECT ON DATABASE forge TO forge_auth, forge_quote, forge_auth_migrator, forge_quote_migrator;
ALTER ROLE forge_auth SET search_path = auth;
ALTER ROLE forge_auth_migrator SET search_path = auth;
ALTER ROLE forge_quote SET search_path = quote;
ALTER ROLE forge_quote_migrator SET search_path = quote;
SQL
for svc in auth quote; do
    psql -X -q -v ON_ERROR_STOP=1 -h "$host" -U postgres -d forge -v svc="$svc" \
        -v owner="forge_${svc}_migrator" -v runtime="forge_${svc}" <<'SQL'
SET client_min_messages = warning;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
CREATE SCHEMA IF NOT EXISTS :"svc" AUTHORIZATION :"owner";
ALTER SCHEMA :"svc" OWNER TO :"owner";
-- An earlier layout had the runtime role own its schema's objects.
REASSIGN OWNED BY :"runtime" TO :"owner";
REVOKE ALL ON SCHEMA :"svc" FROM PUBLIC;
GRANT USAGE ON SCHEMA :"svc" TO :"runtime";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA :"svc" TO :"runtime";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA :"svc" TO :"runtime";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA :"svc"
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"runtime";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA :"svc"
    GRANT USAGE, SELECT ON SEQUENCES TO :"runtime";
SQL
done
echo "database forge, schemas auth and quote (owned by the migration roles) are ready"
