# shellcheck shell=bash
# auth-service and quote-service as processes: their environment, build, start, readiness, stop.
# Sourced through deploy/forge/lib.sh.

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
    # auth-service's mail goes to the local SMTP server; the tests (and ./forge mail) read the
    # Maildir it writes. FORGE_SMTP_FROM and the optional user/password/TLS keep their defaults.
    export FORGE_SMTP_HOST=127.0.0.1 FORGE_SMTP_PORT="$SMTP_PORT" FORGE_MAIL_DIR="$MAIL_DIR"
}

service_jar() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }

forge_build_if_needed() {
    local stale=0 svc jar
    for svc in auth-service quote-service; do
        jar="$(service_jar "$svc")"
        # The OpenAPI document the build writes next to the jar feeds the gateway's /api/openapi.json.
        if [ ! -f "$jar" ] || [ ! -f "$ROOT/$svc/target/openapi/openapi.json" ] || [ -n "$(find "$ROOT/$svc/src/main" "$ROOT/service-common/src/main" "$ROOT/shared-domain/src/main" -newer "$jar" -print -quit)" ]; then
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
# FORGE_PG_SUPER_URL), the mail directory the tests read, and the SMTP settings for any service
# but auth-service. A service gets its own database roles and Redis user, nothing more.
forge_service_env_filter() { # service
    local own other name
    case "$1" in
        auth-service) own=AUTH other=QUOTE ;;
        quote-service) own=QUOTE other=AUTH ;;
        *) die "unknown service $1" ;;
    esac
    printf -- '--unset=%s\n' FORGE_REDIS_URL FORGE_PG_SUPER_URL FORGE_MAIL_DIR
    while read -r name; do
        case "$name" in
            FORGE_${other}_* | FORGE_TEST_*) printf -- '--unset=%s\n' "$name" ;;
            FORGE_WEBHOOK_*) [ "$own" = QUOTE ] || printf -- '--unset=%s\n' "$name" ;;
            FORGE_BOOTSTRAP_* | FORGE_SMTP_* | FORGE_PUBLIC_URL) [ "$own" = AUTH ] || printf -- '--unset=%s\n' "$name" ;;
        esac
    done < <(compgen -e)
}

# Starts one service: run-dir, name, port, extra env assignments... It listens on 127.0.0.1
# only (FORGE_AUTH_HOST / FORGE_QUOTE_HOST, unless set): the gateway is what listens publicly. Its
# management interface (/q/health, /q/metrics) gets its own port: FORGE_START_MANAGEMENT_PORT when
# set, else a free one; RUN/SVC.management-port records it (forge_management_port reads it).
start_service() {
    local run="$1" svc="$2" port="$3"
    shift 3
    local host_var=FORGE_AUTH_HOST port_var=FORGE_AUTH_PORT mgmt_var=FORGE_AUTH_MANAGEMENT_PORT
    local mhost_var=FORGE_AUTH_MANAGEMENT_HOST
    if [ "$svc" = quote-service ]; then
        host_var=FORGE_QUOTE_HOST port_var=FORGE_QUOTE_PORT mgmt_var=FORGE_QUOTE_MANAGEMENT_PORT
        mhost_var=FORGE_QUOTE_MANAGEMENT_HOST
    fi
    local host="${!host_var:-127.0.0.1}" mhost="${!mhost_var:-127.0.0.1}"
    local mport="${FORGE_START_MANAGEMENT_PORT:-$(free_port)}"
    echo "$mport" > "$run/$svc.management-port"
    local filter
    mapfile -t filter < <(forge_service_env_filter "$svc")
    log "starting $svc on $host:$port (management $mhost:$mport)"
    (
        cd "$run"
        # shellcheck disable=SC2086
        exec env "${filter[@]}" "$host_var=$host" "$port_var=$port" "$mhost_var=$mhost" \
            "$mgmt_var=$mport" "FORGE_SHUTDOWN_DELAY=${FORGE_SHUTDOWN_DELAY:-0S}" "$@" \
            "$JAVA_HOME/bin/java" $FORGE_JAVA_OPTS -jar "$(service_jar "$svc")" >"$run/$svc.log" 2>&1
    ) &
    record_pid "$run" "$svc" $!
}

# The management port (health, metrics) of the service start_service last started in RUN; empty
# for any other process.
forge_management_port() { # run svc
    if [ -f "$1/$2.management-port" ]; then cat "$1/$2.management-port"; fi
}

# The pid RUN/pids last recorded for NAME.
forge_pid_of() { awk -v n="$2" '$1 == n { p = $2 } END { print p }' "$1/pids"; }

# Waits until SVC (API port PORT) answers ready on its management port. Returns 2 when the process
# ended because a port was taken (start it again on other ports), 1 on any other failure.
forge_wait_service() { # run svc port timeout-seconds
    local run="$1" svc="$2" port="$3" timeout="$4" pid mport
    pid="$(forge_pid_of "$run" "$svc")"
    mport="$(forge_management_port "$run" "$svc")"
    wait_for_pid "$pid" "$svc" "$timeout" \
        curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$mport/q/health/ready" && return 0
    if ! kill -0 "$pid" 2>/dev/null && forge_bind_failed "$run/$svc.log"; then
        log "port $port or $mport was taken before $svc could bind it"
        return 2
    fi
    tail -40 "$run/$svc.log" >&2
    return 1
}

# Stops the process RUN/pids last recorded for NAME with SIGNAL (default TERM) and waits until it
# is gone, at most TENTHS tenths of a second (default 100) before it sends KILL.
forge_stop_one() { # run name [signal] [tenths]
    local pid i
    pid="$(forge_pid_of "$1" "$2")"
    [ -n "$pid" ] || return 0
    kill "-${3:-TERM}" "$pid" 2>/dev/null || return 0
    for i in $(seq 1 "${4:-100}"); do
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
    local auth_mport="${FORGE_AUTH_MANAGEMENT_PORT:-9081}" quote_mport="${FORGE_QUOTE_MANAGEMENT_PORT:-9082}"
    local p
    for p in "$auth_port FORGE_AUTH_PORT" "$quote_port FORGE_QUOTE_PORT" \
        "$auth_mport FORGE_AUTH_MANAGEMENT_PORT" "$quote_mport FORGE_QUOTE_MANAGEMENT_PORT"; do
        port_in_use "${p% *}" && die "port ${p% *} (${p#* }) is in use"
    done
    local keys="$FORGE_DIR/data/jwt"
    if [ -z "${FORGE_AUTH_JWT_SIGNING_KEY_FILE:-}${FORGE_AUTH_JWT_SIGNING_KEY:-}" ]; then
        mkdir -p "$keys"
        chmod 700 "$keys"
        [ -f "$keys/signing-key.pem" ] || openssl genpkey -algorithm RSA \
            -pkeyopt rsa_keygen_bits:2048 -out "$keys/signing-key.pem" 2>/dev/null
        export FORGE_AUTH_JWT_SIGNING_KEY_FILE="$keys/signing-key.pem"
    fi
    # The AES-256 key of TOTP secrets at rest (the prod profile refuses to start without one).
    if [ -z "${FORGE_AUTH_MFA_ENCRYPTION_KEY:-}" ]; then
        mkdir -p "$keys"
        chmod 700 "$keys"
        [ -f "$keys/mfa-encryption-key" ] \
            || (umask 077 && openssl rand -base64 32 > "$keys/mfa-encryption-key")
        FORGE_AUTH_MFA_ENCRYPTION_KEY="$(cat "$keys/mfa-encryption-key")"
        export FORGE_AUTH_MFA_ENCRYPTION_KEY
    fi
    # The AES-256 key of webhook signing secrets at rest (quote-service; prod refuses to start
    # without one).
    if [ -z "${FORGE_WEBHOOK_ENCRYPTION_KEY:-}" ]; then
        mkdir -p "$keys"
        chmod 700 "$keys"
        [ -f "$keys/webhook-encryption-key" ] \
            || (umask 077 && openssl rand -base64 32 > "$keys/webhook-encryption-key")
        FORGE_WEBHOOK_ENCRYPTION_KEY="$(cat "$keys/webhook-encryption-key")"
        export FORGE_WEBHOOK_ENCRYPTION_KEY
    fi
    # A local run may send webhooks to a receiver on this machine (http, loopback): see the
    # README's "Receiving webhooks locally". Never set in production.
    export FORGE_WEBHOOK_ALLOW_PRIVATE="${FORGE_WEBHOOK_ALLOW_PRIVATE:-true}"
    export FORGE_AUTH_PORT="$auth_port" FORGE_QUOTE_PORT="$quote_port"
    export FORGE_AUTH_MANAGEMENT_PORT="$auth_mport" FORGE_QUOTE_MANAGEMENT_PORT="$quote_mport"
    # Locally nothing has to leave a load balancer's endpoints first: stop at once on SIGTERM.
    export FORGE_SHUTDOWN_DELAY="${FORGE_SHUTDOWN_DELAY:-0S}"
    export FORGE_JWKS_URL="${FORGE_JWKS_URL:-http://127.0.0.1:$auth_port/api/auth/.well-known/jwks.json}"
    # Links in mail point at the gateway.
    export FORGE_PUBLIC_URL="${FORGE_PUBLIC_URL:-http://localhost:${FORGE_GATEWAY_PORT:-8080}}"
    # What `./forge env` adds to the servers' environment for a service started by hand.
    declare -p FORGE_AUTH_PORT FORGE_QUOTE_PORT FORGE_AUTH_MANAGEMENT_PORT FORGE_QUOTE_MANAGEMENT_PORT \
        FORGE_SHUTDOWN_DELAY FORGE_JWKS_URL FORGE_AUTH_JWT_SIGNING_KEY_FILE FORGE_PUBLIC_URL \
        FORGE_AUTH_MFA_ENCRYPTION_KEY FORGE_WEBHOOK_ENCRYPTION_KEY FORGE_WEBHOOK_ALLOW_PRIVATE \
        2>/dev/null | sed 's/^declare -x /export /' > "$run/services.env"
    # Each service gets its own part of this environment (forge_service_env_filter) and listens
    # on 127.0.0.1; only the gateway listens publicly.
    FORGE_START_MANAGEMENT_PORT="$auth_mport" start_service "$run" auth-service "$auth_port"
    FORGE_START_MANAGEMENT_PORT="$quote_mport" start_service "$run" quote-service "$quote_port"
    forge_wait_service "$run" auth-service "$auth_port" 90 || die "auth-service is not ready"
    forge_wait_service "$run" quote-service "$quote_port" 90 || die "quote-service is not ready"
}
