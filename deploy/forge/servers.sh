# shellcheck shell=bash
# The throwaway or persistent PostgreSQL, Redis and SMTP servers: their secrets and their ports.
# Sourced through deploy/forge/lib.sh.

random_secret() { openssl rand -hex 24; }

forge_load_secrets() {
    # shellcheck disable=SC1091
    source "$1/secrets.env"
}

# Runs a start command with a port appended: the fixed port when one is given, else a free one,
# and again on another free port (FORGE_BIND_RETRIES times at most) when the command returns 2,
# i.e. another process took the port before the server could bind it. Sets FORGE_STARTED_PORT.
forge_start_on_port() { # label fixed-port-or-empty command args...
    local label="$1" fixed="$2" attempt=1 rc port
    shift 2
    while :; do
        port="${fixed:-$(free_port)}"
        rc=0
        "$@" "$port" || rc=$?
        [ "$rc" -eq 0 ] && break
        [ "$rc" -eq 2 ] && [ -z "$fixed" ] && [ "$attempt" -lt "$FORGE_BIND_RETRIES" ] \
            || die "$label did not start"
        attempt=$((attempt + 1))
    done
    FORGE_STARTED_PORT="$port"
}

# Starts PostgreSQL, Redis and the SMTP server; writes RUN/servers.env with their ports and where
# mail is kept. With a second argument (a persistent data directory) the data and secrets survive
# restarts; the third is the mail directory (default RUN/mail).
forge_start_servers() {
    local run="$1" data="${2:-$1}" mail="${3:-$1/mail}"
    mkdir -p "$data"
    local secrets="$data/secrets.env"
    if [ ! -f "$secrets" ]; then
        umask 077
        {
            echo "PG_SUPER_PASSWORD=$(random_secret)"
            echo "AUTH_DB_PASSWORD=$(random_secret)"
            echo "QUOTE_DB_PASSWORD=$(random_secret)"
            echo "AUTH_DB_MIGRATION_PASSWORD=$(random_secret)"
            echo "QUOTE_DB_MIGRATION_PASSWORD=$(random_secret)"
            echo "REDIS_ADMIN_PASSWORD=$(random_secret)"
            echo "AUTH_REDIS_PASSWORD=$(random_secret)"
            echo "QUOTE_REDIS_PASSWORD=$(random_secret)"
        } > "$secrets"
        umask 022
    fi
    forge_load_secrets "$data"
    # A data directory of an earlier version has no migration roles' passwords yet.
    if [ -z "${AUTH_DB_MIGRATION_PASSWORD:-}" ] || [ -z "${QUOTE_DB_MIGRATION_PASSWORD:-}" ]; then
        (
            umask 077
            echo "AUTH_DB_MIGRATION_PASSWORD=$(random_secret)"
            echo "QUOTE_DB_MIGRATION_PASSWORD=$(random_secret)"
        ) >> "$secrets"
        forge_load_secrets "$data"
    fi

    local pg_port redis_port
    forge_start_on_port PostgreSQL "${FORGE_PG_PORT:-}" start_postgres "$run" "$data/pg"
    pg_port="$FORGE_STARTED_PORT"
    forge_prepare_database "$pg_port"
    forge_start_on_port Redis "${FORGE_REDIS_PORT:-}" start_redis "$run" "$data/redis"
    redis_port="$FORGE_STARTED_PORT"
    forge_start_on_port "the SMTP server" "${FORGE_SMTP_SERVER_PORT:-}" start_smtp "$run" "$mail"
    cat > "$run/servers.env" <<EOF
PG_PORT=$pg_port
REDIS_PORT=$redis_port
SMTP_PORT=$FORGE_STARTED_PORT
MAIL_DIR=$mail
EOF
}
