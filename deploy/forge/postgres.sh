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

# One database "forge" with a schema per service, owned by migration roles, with DML-only runtime
# roles: the SQL the dev cluster's db-init Job runs too (deploy/k8s/overlays/dev/db-init.sql says
# what it does). Idempotent: run at every start. A second argument names another database of the
# same layout (the suite tier's fresh one).
forge_prepare_database() { # port [database]
    psql_super "$1" -d postgres -v db="${2:-forge}" \
        -v auth_pw="$AUTH_DB_PASSWORD" -v quote_pw="$QUOTE_DB_PASSWORD" \
        -v auth_mig_pw="$AUTH_DB_MIGRATION_PASSWORD" -v quote_mig_pw="$QUOTE_DB_MIGRATION_PASSWORD" \
        -f "$FORGE_LIB_DIR/../k8s/overlays/dev/db-init.sql" >/dev/null
}
