# shellcheck shell=bash
# PostgreSQL: a private cluster, its roles, schemas and privileges.
# Sourced through deploy/forge/lib.sh.

# PostgreSQL refuses to run as root; as root it runs as the unprivileged user "postgres".
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

start_postgres() {
    local run="$1" datadir="$2" port="$3" bin
    bin="$(pg_bindir)"
    mkdir -p "$datadir"
    [ "$(id -u)" -eq 0 ] && { id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres; chown postgres "$datadir"; }
    chmod 700 "$datadir"
    if [ ! -f "$datadir/PG_VERSION" ]; then
        local pwfile="$run/.pgpw"
        printf '%s\n' "$PG_SUPER_PASSWORD" > "$pwfile"
        [ "$(id -u)" -eq 0 ] && chown postgres "$pwfile"
        as_pg "$bin/initdb" -D "$datadir" -U postgres --pwfile="$pwfile" --auth=scram-sha-256 \
            --encoding=UTF8 --locale=C.UTF-8 >"$run/initdb.log" 2>&1 \
            || { cat "$run/initdb.log" >&2; die "initdb failed"; }
        rm -f "$pwfile"
    fi
    echo "$datadir" > "$run/pg.datadir"
    log "starting PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
    local logfile="$run/postgres.log" before
    touch "$logfile"
    [ "$(id -u)" -eq 0 ] && chown postgres "$logfile"
    before=$(($(wc -l < "$logfile") + 1))
    if ! as_pg "$bin/pg_ctl" -D "$datadir" -l "$logfile" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='' -c max_connections=200 -c shared_buffers=256MB -c fsync=${FORGE_PG_FSYNC:-on} -c synchronous_commit=${FORGE_PG_SYNC_COMMIT:-on}" \
        start >/dev/null; then
        if forge_bind_failed "$logfile" "$before"; then
            log "port $port was taken before PostgreSQL could bind it"
            return 2
        fi
        tail -n +"$before" "$logfile" >&2
        die "PostgreSQL did not start"
    fi
    record_pid "$run" postgres "$(head -1 "$datadir/postmaster.pid")"
    return 0
}

psql_super() { # port, then psql args
    local port="$1"
    shift
    PGPASSWORD="$PG_SUPER_PASSWORD" psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres "$@"
}

# One database "forge" with a schema per service. Each schema is owned by the service's migration
# role (forge_auth_migrator, forge_quote_migrator), which only Flyway uses; the runtime roles
# (forge_auth, forge_quote) get DML on the tables and use of the sequences, also on the tables that
# later migrations create (default privileges of the migration role). Neither service can use the
# other's schema; nobody else can create anything. Idempotent: run at every start, it also brings a
# data directory of an earlier version (where the runtime role owned its schema) to this layout.
# A second argument names another database of the same layout (the suite tier's fresh one).
forge_prepare_database() { # port [database]
    local port="$1" db="${2:-forge}" svc
    psql_super "$port" -d postgres <<EOF >/dev/null
DO \$\$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['forge_auth', 'forge_quote', 'forge_auth_migrator', 'forge_quote_migrator'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I LOGIN', r);
        END IF;
    END LOOP;
END
\$\$;
ALTER ROLE forge_auth LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '$AUTH_DB_PASSWORD';
ALTER ROLE forge_quote LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '$QUOTE_DB_PASSWORD';
ALTER ROLE forge_auth_migrator LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '$AUTH_DB_MIGRATION_PASSWORD';
ALTER ROLE forge_quote_migrator LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '$QUOTE_DB_MIGRATION_PASSWORD';
SELECT 'CREATE DATABASE $db ENCODING ''UTF8'' TEMPLATE template0'
    WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db') \gexec
REVOKE ALL ON DATABASE $db FROM PUBLIC;
GRANT CONNECT ON DATABASE $db TO forge_auth, forge_quote, forge_auth_migrator, forge_quote_migrator;
ALTER ROLE forge_auth SET search_path = auth;
ALTER ROLE forge_auth_migrator SET search_path = auth;
ALTER ROLE forge_quote SET search_path = quote;
ALTER ROLE forge_quote_migrator SET search_path = quote;
EOF
    for svc in auth quote; do
        psql_super "$port" -d "$db" <<EOF >/dev/null
REVOKE ALL ON SCHEMA public FROM PUBLIC;
CREATE SCHEMA IF NOT EXISTS $svc AUTHORIZATION forge_${svc}_migrator;
ALTER SCHEMA $svc OWNER TO forge_${svc}_migrator;
REASSIGN OWNED BY forge_${svc} TO forge_${svc}_migrator;
REVOKE ALL ON SCHEMA $svc FROM PUBLIC;
GRANT USAGE ON SCHEMA $svc TO forge_${svc};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA $svc TO forge_${svc};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA $svc TO forge_${svc};
ALTER DEFAULT PRIVILEGES FOR ROLE forge_${svc}_migrator IN SCHEMA $svc
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO forge_${svc};
ALTER DEFAULT PRIVILEGES FOR ROLE forge_${svc}_migrator IN SCHEMA $svc
    GRANT USAGE, SELECT ON SEQUENCES TO forge_${svc};
EOF
    done
}
