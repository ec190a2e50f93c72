-- What the services expect in PostgreSQL, for the dev cluster (db-init.sh) and for ./forge
-- (deploy/forge/postgres.sh) alike. Run by psql as the superuser, connected to database postgres,
-- with the variables db (the database, "forge"), auth_pw, quote_pw, auth_mig_pw, quote_mig_pw.
--
-- One database with a schema per service. Each schema is owned by the service's migration role
-- (forge_auth_migrator, forge_quote_migrator), which only Flyway uses; the runtime roles
-- (forge_auth, forge_quote) get DML on the tables and use of the sequences, also on the tables
-- that later migrations create (default privileges of the migration role). Neither service can
-- use the other's schema; nobody else can create anything. Idempotent: run at every start, it
-- also brings a database of an earlier layout (where the runtime role owned its schema) to this
-- one, and resets the passwords to the given ones.
SET client_min_messages = warning;
SELECT format('CREATE ROLE %I LOGIN', r)
  FROM unnest(ARRAY['forge_auth', 'forge_quote', 'forge_auth_migrator', 'forge_quote_migrator']) AS r
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) \gexec
ALTER ROLE forge_auth WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'auth_pw';
ALTER ROLE forge_quote WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'quote_pw';
ALTER ROLE forge_auth_migrator WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'auth_mig_pw';
ALTER ROLE forge_quote_migrator WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'quote_mig_pw';
SELECT format('CREATE DATABASE %I ENCODING ''UTF8'' TEMPLATE template0', :'db')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO forge_auth, forge_quote, forge_auth_migrator, forge_quote_migrator;
ALTER ROLE forge_auth SET search_path = auth;
ALTER ROLE forge_auth_migrator SET search_path = auth;
ALTER ROLE forge_quote SET search_path = quote;
ALTER ROLE forge_quote_migrator SET search_path = quote;

\connect :"db"
SET client_min_messages = warning;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
\set svc auth
\set owner forge_auth_migrator
\set runtime forge_auth
\ir db-schema.sql
\set svc quote
\set owner forge_quote_migrator
\set runtime forge_quote
\ir db-schema.sql
