#!/bin/sh
# Creates (or brings up to date) what the services expect in PostgreSQL, as deploy/forge/lib.sh
# create_database does: database "forge"; role forge_auth owning schema auth and role forge_quote
# owning schema quote; neither can use the other's schema; nobody else can create anything.
# Idempotent: safe to run again (passwords are reset to the Secret's values).
set -eu
host="${PGHOST:-postgres}"
until pg_isready -h "$host" -U postgres >/dev/null 2>&1; do
    echo "waiting for PostgreSQL at $host"
    sleep 2
done
export PGPASSWORD="$PG_SUPER_PASSWORD"
psql -X -q -v ON_ERROR_STOP=1 -h "$host" -U postgres -d postgres \
    -v auth_pw="$AUTH_DB_PASSWORD" -v quote_pw="$QUOTE_DB_PASSWORD" <<'SQL'
SELECT 'CREATE ROLE forge_auth LOGIN'
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'forge_auth') \gexec
SELECT 'CREATE ROLE forge_quote LOGIN'
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'forge_quote') \gexec
ALTER ROLE forge_auth WITH LOGIN PASSWORD :'auth_pw';
ALTER ROLE forge_quote WITH LOGIN PASSWORD :'quote_pw';
SELECT 'CREATE DATABASE forge ENCODING ''UTF8'' TEMPLATE template0'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'forge') \gexec
REVOKE ALL ON DATABASE forge FROM PUBLIC;
GRANT CONNECT ON DATABASE forge TO forge_auth, forge_quote;
ALTER ROLE forge_auth SET search_path = auth;
ALTER ROLE forge_quote SET search_path = quote;
SQL
psql -X -q -v ON_ERROR_STOP=1 -h "$host" -U postgres -d forge <<'SQL'
SET client_min_messages = warning;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
CREATE SCHEMA IF NOT EXISTS auth AUTHORIZATION forge_auth;
CREATE SCHEMA IF NOT EXISTS quote AUTHORIZATION forge_quote;
SQL
echo "database forge, roles forge_auth and forge_quote, schemas auth and quote are ready"
