-- One service's schema (included by db-init.sql with the variables svc, owner, runtime).
CREATE SCHEMA IF NOT EXISTS :"svc" AUTHORIZATION :"owner";
ALTER SCHEMA :"svc" OWNER TO :"owner";
-- An earlier layout had the runtime role own its schema's objects.
REASSIGN OWNED BY :"runtime" TO :"owner";
REVOKE ALL ON SCHEMA :"svc" FROM PUBLIC;
GRANT USAGE ON SCHEMA :"svc" TO :"runtime";
-- Tables of that layout got no grants from the default privileges below: give them DML. A table
-- the runtime role already has a privilege on was shaped by its migration and keeps exactly what
-- the migration gave (e.g. quote revisions: SELECT and INSERT only, never UPDATE or DELETE).
SELECT format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I.%I TO %I', n.nspname, c.relname, :'runtime')
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = :'svc' AND c.relkind IN ('r', 'p')
   AND NOT has_table_privilege(:'runtime', c.oid, 'SELECT, INSERT, UPDATE, DELETE') \gexec
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA :"svc" TO :"runtime";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA :"svc"
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"runtime";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA :"svc"
    GRANT USAGE, SELECT ON SEQUENCES TO :"runtime";
