-- One service's schema (included by db-init.sql with the variables svc, owner, runtime).
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
