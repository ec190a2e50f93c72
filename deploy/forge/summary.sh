# shellcheck shell=bash
# Checks and messages about the running services: least privilege, and what `up` prints.
# Sourced through deploy/forge/lib.sh.

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
            FORGE_REDIS_URL | FORGE_PG_SUPER_URL | FORGE_MAIL_DIR | FORGE_${other}_*) problems+=("environment has $name") ;;
        esac
        case "$entry" in
            *forge_admin* | *://postgres:*) problems+=("environment has an admin credential in $name") ;;
        esac
        [ "$svc" = quote-service ] && [[ "$name" == FORGE_BOOTSTRAP_* || "$name" == FORGE_SMTP_* ]] \
            && problems+=("environment has $name")
    done < "/proc/$pid/environ"
    local listeners address p mport
    mport="$(forge_management_port "$run" "$svc")"
    for p in "$port" "$mport"; do
        listeners="$(ss -Hltn "sport = :$p" | awk '{print $4}')"
        [ -n "$listeners" ] || problems+=("nothing listens on port $p")
        for address in $listeners; do
            case "$address" in
                "127.0.0.1:$p" | "[::ffff:127.0.0.1]:$p") ;;
                *) problems+=("listens on $address, not on 127.0.0.1 only") ;;
            esac
        done
    done
    if [ ${#problems[@]} -gt 0 ]; then
        local problem
        for problem in "${problems[@]}"; do
            log "$svc: $problem"
        done
        return 1
    fi
    log "$svc: own credentials only, listening on 127.0.0.1:$port and 127.0.0.1:$mport (management)"
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
  auth-service   http://127.0.0.1:$FORGE_AUTH_PORT   management http://127.0.0.1:$FORGE_AUTH_MANAGEMENT_PORT
  quote-service  http://127.0.0.1:$FORGE_QUOTE_PORT   management http://127.0.0.1:$FORGE_QUOTE_MANAGEMENT_PORT
  PostgreSQL     127.0.0.1:$PG_PORT  database forge
  Redis          127.0.0.1:$REDIS_PORT
  SMTP           127.0.0.1:$SMTP_PORT  mail kept in $MAIL_DIR (read it with ./forge mail)
  logs           $run
Stop everything with: ./forge down
EOF
    forge_print_first_request
}

# The gateway part of the summary: the operations URLs and a first request through the gateway.
forge_print_first_request() {
    [ -n "${FORGE_GATEWAY_URL:-}" ] || return 0
    local auth="http://127.0.0.1:$FORGE_AUTH_MANAGEMENT_PORT" quote="http://127.0.0.1:$FORGE_QUOTE_MANAGEMENT_PORT"
    cat <<EOF

Operations (each service's management port; not reachable through the gateway):
  $auth/q/health/ready   $auth/q/metrics   http://127.0.0.1:$FORGE_AUTH_PORT/q/openapi
  $quote/q/health/ready   $quote/q/metrics   http://127.0.0.1:$FORGE_QUOTE_PORT/q/openapi

Try a first request through the gateway:
  curl -i $FORGE_GATEWAY_URL/api/auth/register -H 'Content-Type: application/json' \\
    -d '{"email":"ada@example.com","password":"violet-anchor-harbor-93","display_name":"Ada"}'
EOF
}
