# shellcheck shell=bash
# Functions behind ./forge: JDK discovery, package install, throwaway PostgreSQL and Redis on free
# ports, and the services' processes. Sourced by ./forge (ROOT and FORGE_DIR are set there).

log() { printf '[forge] %s\n' "$*" >&2; }

# JVM options of the services wherever these scripts start them (./forge up, the bench, the AOT
# scripts, the reliability cluster). Serial GC for 2 cores; a heap that starts at 32 MiB and grows
# to at most 128 MiB (the live set after GC is ~25 MiB for quote-service and ~60 MiB for
# auth-service, 38 of them the hashing threads' Argon2 memory). Without -Xms the JVM commits
# RAM/64 (here: all of -Xmx) at start, ~60 MiB more resident memory for nothing.
FORGE_JAVA_OPTS="${FORGE_JAVA_OPTS:--XX:+UseSerialGC -Xms32m -Xmx128m}"
die() {
    log "error: $*"
    exit 1
}

# --- JDK ---------------------------------------------------------------------------------------

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

forge_find_jdk() {
    local candidate major
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
        [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
        major="$(java_major "$candidate")"
        if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ]; then
            export JAVA_HOME="$candidate"
            export PATH="$JAVA_HOME/bin:$PATH"
            return 0
        fi
    done
    if command -v javac >/dev/null; then
        candidate="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
        major="$(java_major "$candidate")"
        if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ]; then
            export JAVA_HOME="$candidate"
            return 0
        fi
    fi
    die "no JDK 21 or newer found; install one (e.g. apt-get install openjdk-21-jdk) or set JAVA_HOME"
}

# --- Packages ----------------------------------------------------------------------------------

pg_bindir() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        local v="${dir#/usr/lib/postgresql/}"
        v="${v%%/*}"
        if [ "${v%%.*}" -ge 15 ] && [ -x "$dir/postgres" ] && [ -x "$dir/initdb" ]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

forge_ensure_packages() {
    local missing=()
    pg_bindir >/dev/null || missing+=(postgresql)
    command -v redis-server >/dev/null || missing+=(redis-server)
    command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
    command -v psql >/dev/null || missing+=(postgresql-client)
    command -v openssl >/dev/null || missing+=(openssl)
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    log "installing ${missing[*]} (Debian packages)"
    $sudo apt-get update -qq >/dev/null
    # The packages' own services are not wanted: forge starts private servers.
    printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
    $sudo chmod +x /usr/sbin/policy-rc.d
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
    $sudo rm -f /usr/sbin/policy-rc.d
    pg_bindir >/dev/null || die "PostgreSQL 15+ server binaries not found after install"
}

# --- Ports and processes -----------------------------------------------------------------------

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A free port outside the kernel's ephemeral range (/proc/sys/net/ipv4/ip_local_port_range):
# an outgoing connection can take a port of that range between our pick and the server's bind.
# The ports come from 15000-65535 less that range. A start that still finds its port taken is
# retried on another one (forge_bind_failed tells that case from other failures).
free_port() {
    local lo=32768 hi=60999 base=15000 top=65535 port tries=0 below above n
    if [ -r /proc/sys/net/ipv4/ip_local_port_range ]; then
        read -r lo hi < /proc/sys/net/ipv4/ip_local_port_range
    fi
    below=$((lo > base ? lo - base : 0))
    above=$((hi < top ? top - hi : 0))
    [ $((below + above)) -ge 100 ] || die "no ports outside the ephemeral range $lo-$hi"
    while [ $tries -lt 200 ]; do
        n=$(((RANDOM * 32768 + RANDOM) % (below + above)))
        if [ "$n" -lt "$below" ]; then port=$((base + n)); else port=$((hi + 1 + n - below)); fi
        if ! port_in_use "$port"; then
            echo "$port"
            return 0
        fi
        tries=$((tries + 1))
    done
    die "no free port found"
}

# Whether a server's log (from line FROM on, default 1) says that its port was taken.
forge_bind_failed() { # log-file [from-line]
    [ -f "$1" ] && tail -n +"${2:-1}" "$1" \
        | grep -qiE 'address already in use|in use by another process|could not bind|QuarkusBindException'
}

# How many times a server start that lost its port to another process is retried elsewhere.
FORGE_BIND_RETRIES="${FORGE_BIND_RETRIES:-3}"

record_pid() { echo "$2 $3" >> "$1/pids"; }

wait_for() { # description timeout-seconds command...
    local what="$1" timeout="$2" i=0
    shift 2
    until "$@" >/dev/null 2>&1; do
        i=$((i + 1))
        if [ $i -ge $((timeout * 5)) ]; then
            log "$what did not become ready within ${timeout}s"
            return 1
        fi
        sleep 0.2
    done
}

# wait_for, but gives up as soon as process PID has ended: wait_for_pid PID description timeout cmd...
wait_for_pid() {
    local pid="$1" what="$2" timeout="$3" i=0
    shift 3
    until "$@" >/dev/null 2>&1; do
        kill -0 "$pid" 2>/dev/null || { log "$what has exited"; return 1; }
        i=$((i + 1))
        if [ $i -ge $((timeout * 5)) ]; then
            log "$what did not become ready within ${timeout}s"
            return 1
        fi
        sleep 0.2
    done
}

forge_any_alive() {
    local name pid
    [ -f "$1/pids" ] || return 1
    while read -r name pid; do
        kill -0 "$pid" 2>/dev/null && return 0
    done < "$1/pids"
    return 1
}

# Stops every process recorded in RUN/pids (newest first), then removes RUN unless "keep".
forge_stop_all() {
    local run="$1" keep="${2:-}" name pid i
    [ -d "$run" ] || return 0
    if [ -f "$run/pids" ]; then
        tac "$run/pids" | while read -r name pid; do
            [ -n "$pid" ] || continue
            if [ "$name" = postgres ] && [ -f "$run/pg.datadir" ]; then
                as_pg "$(pg_bindir)/pg_ctl" -D "$(cat "$run/pg.datadir")" -m fast -w -t 20 stop \
                    >/dev/null 2>&1 || true
            fi
            kill -TERM "$pid" 2>/dev/null || true
        done
        tac "$run/pids" | while read -r name pid; do
            for i in $(seq 1 100); do
                kill -0 "$pid" 2>/dev/null || break
                sleep 0.1
            done
            kill -KILL "$pid" 2>/dev/null || true
        done
        : > "$run/pids"
    fi
    if [ "$keep" != keep ] && [[ "$run" == "$FORGE_DIR"/test-* ]]; then
        rm -rf "$run"
    fi
}

# --- PostgreSQL --------------------------------------------------------------------------------

# PostgreSQL refuses to run as root; as root it runs as the unprivileged user "postgres".
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

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

# Starts PostgreSQL and Redis; writes RUN/servers.env with their ports and credentials.
# With a second argument (a persistent data directory) the data and secrets survive restarts.
forge_start_servers() {
    local run="$1" data="${2:-$1}"
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
    cat > "$run/servers.env" <<EOF
PG_PORT=$pg_port
REDIS_PORT=$redis_port
EOF
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

# --- Redis -------------------------------------------------------------------------------------

# Redis with ACL users: forge_auth may touch forge:auth:* and forge:revoked:*; forge_quote
# forge:quote:* and may only read forge:revoked:*. The default user is off.
start_redis() {
    local run="$1" dir="$2" port="$3"
    mkdir -p "$dir"
    local conf="$run/redis.conf"
    umask 077
    cat > "$conf" <<EOF
bind 127.0.0.1
port $port
daemonize no
dir $dir
# Revocation marks, lockout counters and idempotency records must survive a restart: an
# append-only file, synced every second (a crash loses at most the last second).
save ""
appendonly yes
appendfsync everysec
appenddirname appendonly
protected-mode yes
maxmemory 256mb
maxmemory-policy noeviction
user default off
user forge_admin on >$REDIS_ADMIN_PASSWORD ~* &* +@all
user forge_auth on >$AUTH_REDIS_PASSWORD resetkeys ~forge:auth:* ~forge:revoked:* resetchannels +@all -@dangerous -@admin +info +client|setname +client|id
user forge_quote on >$QUOTE_REDIS_PASSWORD resetkeys ~forge:quote:* %R~forge:revoked:* resetchannels +@all -@dangerous -@admin +info +client|setname +client|id
EOF
    umask 022
    log "starting Redis $(redis-server --version | sed -n 's/.*v=\([0-9.]*\).*/\1/p') on 127.0.0.1:$port"
    redis-server "$conf" >"$run/redis.log" 2>&1 &
    local pid=$!
    record_pid "$run" redis "$pid"
    if ! wait_for_pid "$pid" Redis 20 redis_ping "$port"; then
        if ! kill -0 "$pid" 2>/dev/null && forge_bind_failed "$run/redis.log"; then
            log "port $port was taken before Redis could bind it"
            return 2
        fi
        cat "$run/redis.log" >&2
        die "Redis did not start"
    fi
}

redis_ping() {
    REDISCLI_AUTH="$REDIS_ADMIN_PASSWORD" redis-cli --user forge_admin -h 127.0.0.1 -p "$1" ping \
        2>/dev/null | grep -q PONG
}

# --- Services ----------------------------------------------------------------------------------

# Exports the environment both services (and their tests) read.
forge_export_service_env() {
    local run="$1"
    # shellcheck disable=SC1091
    source "$run/servers.env"
    export FORGE_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/forge"
    export FORGE_AUTH_DB_USER=forge_auth FORGE_AUTH_DB_PASSWORD="$AUTH_DB_PASSWORD"
    export FORGE_QUOTE_DB_USER=forge_quote FORGE_QUOTE_DB_PASSWORD="$QUOTE_DB_PASSWORD"
    export FORGE_AUTH_DB_MIGRATION_USER=forge_auth_migrator
    export FORGE_AUTH_DB_MIGRATION_PASSWORD="$AUTH_DB_MIGRATION_PASSWORD"
    export FORGE_QUOTE_DB_MIGRATION_USER=forge_quote_migrator
    export FORGE_QUOTE_DB_MIGRATION_PASSWORD="$QUOTE_DB_MIGRATION_PASSWORD"
    export FORGE_AUTH_REDIS_URL="redis://forge_auth:$AUTH_REDIS_PASSWORD@127.0.0.1:$REDIS_PORT"
    export FORGE_QUOTE_REDIS_URL="redis://forge_quote:$QUOTE_REDIS_PASSWORD@127.0.0.1:$REDIS_PORT"
    # Test-only: the Redis admin user, for tests that must write or inspect any key (e.g.
    # revocation marks) and for service-common's tests. start_service keeps it (and everything
    # of the other service) out of a service's environment.
    export FORGE_REDIS_URL="redis://forge_admin:$REDIS_ADMIN_PASSWORD@127.0.0.1:$REDIS_PORT"
}

service_jar() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }

forge_build_if_needed() {
    local stale=0 svc jar
    for svc in auth-service quote-service; do
        jar="$(service_jar "$svc")"
        if [ ! -f "$jar" ] || [ -n "$(find "$ROOT/$svc/src/main" "$ROOT/service-common/src/main" "$ROOT/shared-domain/src/main" -newer "$jar" -print -quit)" ]; then
            stale=1
        fi
    done
    if [ "$stale" -eq 1 ]; then
        log "building the services (./mvnw package -DskipTests)"
        (cd "$ROOT" && ./mvnw -B -q -ntp package -DskipTests) || die "build failed"
    fi
}

# The `env` arguments that take out of a service's environment what is not its own: the other
# service's variables (database and Redis users, signing key, bootstrap admin), and the
# administrative credentials that only tests use (FORGE_REDIS_URL as the Redis admin user,
# FORGE_PG_SUPER_URL). A service gets its own database roles and Redis user, nothing more.
forge_service_env_filter() { # service
    local own other name
    case "$1" in
        auth-service) own=AUTH other=QUOTE ;;
        quote-service) own=QUOTE other=AUTH ;;
        *) die "unknown service $1" ;;
    esac
    printf -- '--unset=%s\n' FORGE_REDIS_URL FORGE_PG_SUPER_URL
    while read -r name; do
        case "$name" in
            FORGE_${other}_* | FORGE_TEST_*) printf -- '--unset=%s\n' "$name" ;;
            FORGE_BOOTSTRAP_*) [ "$own" = AUTH ] || printf -- '--unset=%s\n' "$name" ;;
        esac
    done < <(compgen -e)
}

# Starts one service: run-dir, name, port, extra env assignments... It listens on 127.0.0.1 only
# (FORGE_AUTH_HOST / FORGE_QUOTE_HOST, unless set): the gateway is what listens publicly.
start_service() {
    local run="$1" svc="$2" port="$3"
    shift 3
    local host_var=FORGE_AUTH_HOST port_var=FORGE_AUTH_PORT
    [ "$svc" = quote-service ] && host_var=FORGE_QUOTE_HOST port_var=FORGE_QUOTE_PORT
    local host="${!host_var:-127.0.0.1}"
    local filter
    mapfile -t filter < <(forge_service_env_filter "$svc")
    log "starting $svc on $host:$port"
    (
        cd "$run"
        # shellcheck disable=SC2086
        exec env "${filter[@]}" "$host_var=$host" "$port_var=$port" "$@" "$JAVA_HOME/bin/java" $FORGE_JAVA_OPTS \
            -jar "$(service_jar "$svc")" >"$run/$svc.log" 2>&1
    ) &
    record_pid "$run" "$svc" $!
}

# The pid RUN/pids last recorded for NAME.
forge_pid_of() { awk -v n="$2" '$1 == n { p = $2 } END { print p }' "$1/pids"; }

# Waits until SVC answers ready on PORT. Returns 2 when the process ended because its port was
# taken (start it again on another port), 1 on any other failure.
forge_wait_service() { # run svc port timeout-seconds
    local run="$1" svc="$2" port="$3" timeout="$4" pid
    pid="$(forge_pid_of "$run" "$svc")"
    wait_for_pid "$pid" "$svc" "$timeout" \
        curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port/q/health/ready" && return 0
    if ! kill -0 "$pid" 2>/dev/null && forge_bind_failed "$run/$svc.log"; then
        log "port $port was taken before $svc could bind it"
        return 2
    fi
    tail -40 "$run/$svc.log" >&2
    return 1
}

# Stops the process RUN/pids last recorded for NAME and waits until it is gone.
forge_stop_one() { # run name
    local pid i
    pid="$(forge_pid_of "$1" "$2")"
    [ -n "$pid" ] || return 0
    kill -TERM "$pid" 2>/dev/null || return 0
    for i in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
}

# Starts SVC (start_service) on PORT and waits until it is ready; when the port was taken first,
# starts it again on another free port, up to FORGE_BIND_RETRIES times. Leaves the port it runs
# on in FORGE_STARTED_PORT. forge_start_service_ready RUN SVC PORT TIMEOUT [env...]
forge_start_service_ready() {
    local run="$1" svc="$2" port="$3" timeout="$4" attempt=1 rc
    shift 4
    while :; do
        start_service "$run" "$svc" "$port" "$@"
        rc=0
        forge_wait_service "$run" "$svc" "$port" "$timeout" || rc=$?
        if [ "$rc" -eq 0 ]; then
            FORGE_STARTED_PORT="$port"
            return 0
        fi
        [ "$rc" -eq 2 ] && [ "$attempt" -lt "$FORGE_BIND_RETRIES" ] || return 1
        attempt=$((attempt + 1))
        port="$(free_port)"
    done
}

forge_start_services() {
    local run="$1"
    local auth_port="${FORGE_AUTH_PORT:-8081}" quote_port="${FORGE_QUOTE_PORT:-8082}"
    port_in_use "$auth_port" && die "port $auth_port (FORGE_AUTH_PORT) is in use"
    port_in_use "$quote_port" && die "port $quote_port (FORGE_QUOTE_PORT) is in use"
    local keys="$FORGE_DIR/data/jwt"
    if [ -z "${FORGE_AUTH_JWT_SIGNING_KEY_FILE:-}${FORGE_AUTH_JWT_SIGNING_KEY:-}" ]; then
        mkdir -p "$keys"
        chmod 700 "$keys"
        [ -f "$keys/signing-key.pem" ] || openssl genpkey -algorithm RSA \
            -pkeyopt rsa_keygen_bits:2048 -out "$keys/signing-key.pem" 2>/dev/null
        export FORGE_AUTH_JWT_SIGNING_KEY_FILE="$keys/signing-key.pem"
    fi
    export FORGE_AUTH_PORT="$auth_port" FORGE_QUOTE_PORT="$quote_port"
    export FORGE_JWKS_URL="${FORGE_JWKS_URL:-http://127.0.0.1:$auth_port/api/auth/.well-known/jwks.json}"
    # What `./forge env` adds to the servers' environment for a service started by hand.
    declare -p FORGE_AUTH_PORT FORGE_QUOTE_PORT FORGE_JWKS_URL FORGE_AUTH_JWT_SIGNING_KEY_FILE \
        2>/dev/null | sed 's/^declare -x /export /' > "$run/services.env"
    # Each service gets its own part of this environment (forge_service_env_filter) and listens
    # on 127.0.0.1; only the gateway listens publicly.
    start_service "$run" auth-service "$auth_port"
    start_service "$run" quote-service "$quote_port"
    forge_wait_service "$run" auth-service "$auth_port" 90 || die "auth-service is not ready"
    forge_wait_service "$run" quote-service "$quote_port" 90 || die "quote-service is not ready"
}

# Least privilege of a running service (run by deploy/test/run-suite-tests): its environment holds
# no administrative credential and nothing of the other service, and it listens on loopback only.
forge_check_service_privileges() { # run svc port
    local run="$1" svc="$2" port="$3" pid other problems=()
    other=QUOTE
    [ "$svc" = quote-service ] && other=AUTH
    pid="$(forge_pid_of "$run" "$svc")"
    [ -r "/proc/$pid/environ" ] || die "cannot read the environment of $svc (pid $pid)"
    local name
    while IFS= read -r -d '' entry; do
        name="${entry%%=*}"
        case "$name" in
            FORGE_REDIS_URL | FORGE_PG_SUPER_URL | FORGE_${other}_*) problems+=("environment has $name") ;;
        esac
        case "$entry" in
            *forge_admin* | *://postgres:*) problems+=("environment has an admin credential in $name") ;;
        esac
        [ "$svc" = quote-service ] && [[ "$name" == FORGE_BOOTSTRAP_* ]] && problems+=("environment has $name")
    done < "/proc/$pid/environ"
    local listeners
    listeners="$(ss -Hltn "sport = :$port" | awk '{print $4}')"
    [ -n "$listeners" ] || problems+=("nothing listens on port $port")
    local address
    for address in $listeners; do
        case "$address" in
            "127.0.0.1:$port" | "[::ffff:127.0.0.1]:$port") ;;
            *) problems+=("listens on $address, not on 127.0.0.1 only") ;;
        esac
    done
    if [ ${#problems[@]} -gt 0 ]; then
        local problem
        for problem in "${problems[@]}"; do
            log "$svc: $problem"
        done
        return 1
    fi
    log "$svc: own credentials only, listening on 127.0.0.1:$port"
}

forge_bootstrap_admin_note() {
    if [ -n "${FORGE_BOOTSTRAP_ADMIN_EMAIL:-}" ] && [ -n "${FORGE_BOOTSTRAP_ADMIN_PASSWORD:-}" ]; then
        log "bootstrap admin: $FORGE_BOOTSTRAP_ADMIN_EMAIL (created by auth-service if absent)"
    fi
}

forge_print_summary() {
    local run="$1"
    # shellcheck disable=SC1091
    source "$run/servers.env"
    cat <<EOF

PatriotForge is up.
  gateway        ${FORGE_GATEWAY_URL:-(not started)}
  auth-service   http://127.0.0.1:$FORGE_AUTH_PORT   (ops: /q/health/ready /q/metrics /q/openapi)
  quote-service  http://127.0.0.1:$FORGE_QUOTE_PORT   (ops: /q/health/ready /q/metrics /q/openapi)
  PostgreSQL     127.0.0.1:$PG_PORT  database forge
  Redis          127.0.0.1:$REDIS_PORT
  logs           $run
Stop everything with: ./forge down
EOF
    forge_print_first_request
}

# The gateway part of the summary: the operations URLs and a first request through the gateway.
forge_print_first_request() {
    [ -n "${FORGE_GATEWAY_URL:-}" ] || return 0
    local auth="http://127.0.0.1:$FORGE_AUTH_PORT" quote="http://127.0.0.1:$FORGE_QUOTE_PORT"
    cat <<EOF

Operations (each service on its own port; not reachable through the gateway):
  $auth/q/health/ready   $auth/q/metrics   $auth/q/openapi
  $quote/q/health/ready   $quote/q/metrics   $quote/q/openapi

Try a first request through the gateway:
  curl -i $FORGE_GATEWAY_URL/api/auth/register -H 'Content-Type: application/json' \\
    -d '{"email":"ada@example.com","password":"violet-anchor-harbor-93","display_name":"Ada"}'
EOF
}
