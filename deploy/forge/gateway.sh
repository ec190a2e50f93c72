# shellcheck shell=bash
# The nginx gateway of CONTRACT.md section 4, as a project-local process. Sourced by ./forge
# (after lib.sh) and by deploy/test/run-suite-tests. Configuration:
#   FORGE_GATEWAY_PORT             listen port (default 8080)
#   FORGE_GATEWAY_HOST             listen address (default 0.0.0.0, like the services)
#   FORGE_GATEWAY_AUTH_RATE        requests per second per client IP on /api/auth/* (default 20)
#   FORGE_GATEWAY_AUTH_BURST       burst above that rate (default twice the rate)
#   FORGE_GATEWAY_CONNECT_TIMEOUT  upstream connect timeout, nginx time (default 5s)
#   FORGE_GATEWAY_READ_TIMEOUT     upstream send/read timeout, nginx time (default 30s)
#   FORGE_GATEWAY_WORKERS          nginx worker processes (default auto)

forge_nginx_bin() {
    if command -v nginx >/dev/null; then command -v nginx; else echo /usr/sbin/nginx; fi
}

# The user nginx workers run as when the master runs as root (nginx refuses to keep root).
forge_gateway_worker_user() {
    local u
    for u in www-data nginx nobody; do
        if id "$u" >/dev/null 2>&1; then
            echo "$u"
            return 0
        fi
    done
    useradd --system --no-create-home --shell /usr/sbin/nologin forge-gateway
    echo forge-gateway
}

forge_is_uint() { [[ "$1" =~ ^[1-9][0-9]{0,5}$ ]]; }
forge_is_nginx_time() { [[ "$1" =~ ^[1-9][0-9]{0,4}(ms|s|m)?$ ]]; }

# Renders the configuration into DIR: forge_render_gateway DIR LISTEN_PORT AUTH_PORT QUOTE_PORT
forge_render_gateway() {
    local dir="$1" port="$2" auth_port="$3" quote_port="$4"
    local src="$ROOT/deploy/gateway"
    local rate="${FORGE_GATEWAY_AUTH_RATE:-20}"
    local burst="${FORGE_GATEWAY_AUTH_BURST:-$((rate * 2))}"
    local connect="${FORGE_GATEWAY_CONNECT_TIMEOUT:-5s}" read="${FORGE_GATEWAY_READ_TIMEOUT:-30s}"
    local host="${FORGE_GATEWAY_HOST:-0.0.0.0}" workers="${FORGE_GATEWAY_WORKERS:-auto}"
    forge_is_uint "$rate" || die "FORGE_GATEWAY_AUTH_RATE must be a positive integer (got '$rate')"
    forge_is_uint "$burst" || die "FORGE_GATEWAY_AUTH_BURST must be a positive integer (got '$burst')"
    forge_is_nginx_time "$connect" || die "FORGE_GATEWAY_CONNECT_TIMEOUT must look like 5s (got '$connect')"
    forge_is_nginx_time "$read" || die "FORGE_GATEWAY_READ_TIMEOUT must look like 30s (got '$read')"
    [[ "$host" =~ ^[0-9a-fA-F.:]+$|^localhost$ ]] || die "FORGE_GATEWAY_HOST must be an IP address (got '$host')"
    [[ "$workers" =~ ^(auto|[1-9][0-9]?)$ ]] || die "FORGE_GATEWAY_WORKERS must be auto or a number (got '$workers')"
    local listen="$host:$port"
    [[ "$host" == *:* ]] && listen="[$host]:$port"

    mkdir -p "$dir/tmp/body" "$dir/tmp/proxy" "$dir/tmp/fastcgi" "$dir/tmp/uwsgi" "$dir/tmp/scgi"
    local user_directive=""
    if [ "$(id -u)" -eq 0 ]; then
        local user
        user="$(forge_gateway_worker_user)"
        user_directive="user $user;"
        chown -R "$user" "$dir/tmp"
    fi

    local name text
    for name in nginx.conf problems.conf; do
        text="$(<"$src/$name.template")"
        text="${text//@@RUN@@/$dir}"
        text="${text//@@CONF_DIR@@/$dir}"
        text="${text//@@USER_DIRECTIVE@@/$user_directive}"
        text="${text//@@WORKERS@@/$workers}"
        text="${text//@@LISTEN@@/$listen}"
        text="${text//@@AUTH_UPSTREAM@@/127.0.0.1:$auth_port}"
        text="${text//@@QUOTE_UPSTREAM@@/127.0.0.1:$quote_port}"
        text="${text//@@AUTH_RATE@@/$rate}"
        text="${text//@@AUTH_BURST@@/$burst}"
        text="${text//@@CONNECT_TIMEOUT@@/$connect}"
        text="${text//@@READ_TIMEOUT@@/$read}"
        [[ "$text" == *@@* ]] && die "unrendered placeholder in $name.template"
        printf '%s\n' "$text" > "$dir/$name"
    done
    cp "$src/security-headers.conf" "$dir/security-headers.conf"
    forge_render_gateway_static "$dir/static"
}

# The files the gateway serves itself: /api/openapi.json, the services' OpenAPI documents (as
# their builds wrote them) merged, and /problems/{code}, the error catalogue (docs/errors.md).
forge_render_gateway_static() {
    local out="$1" src="$ROOT/deploy/gateway"
    rm -rf "$out"
    mkdir -p "$out"
    python3 "$src/merge-openapi.py" "$out/openapi.json" \
        "auth=$ROOT/auth-service/target/openapi/openapi.json" \
        "quote=$ROOT/quote-service/target/openapi/openapi.json" \
        || die "could not merge the services' OpenAPI documents"
    python3 "$src/render-catalogue.py" "$ROOT/docs/errors.md" "$out/problems" \
        || die "could not render the error catalogue"
    chmod -R a+rX "$out"
}

# Starts nginx in the foreground of a background job and records its master pid in RUN/pids:
# forge_start_gateway_at RUN NAME LISTEN_PORT AUTH_PORT QUOTE_PORT
forge_start_gateway_at() {
    local run="$1" name="$2" port="$3" auth_port="$4" quote_port="$5"
    local dir="$run/$name" bin
    bin="$(forge_nginx_bin)"
    if port_in_use "$port"; then
        log "port $port (gateway) is in use"
        return 2
    fi
    forge_render_gateway "$dir" "$port" "$auth_port" "$quote_port"
    "$bin" -p "$dir" -c "$dir/nginx.conf" -t -q -e "$dir/error.log" 2>"$dir/nginx-t.log" \
        || { cat "$dir/nginx-t.log" "$dir/error.log" >&2 2>/dev/null; die "the gateway configuration is invalid"; }
    log "starting the gateway (nginx $("$bin" -v 2>&1 | sed -n 's|.*nginx/||p')) on :$port"
    "$bin" -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" -g 'daemon off;' \
        >"$dir/nginx.out" 2>&1 &
    local pid=$!
    record_pid "$run" "$name" "$pid"
    # Returns 2 when another process took the port first (the caller may pick another).
    forge_await_server "$pid" "the gateway" "$dir/error.log" port_in_use "$port"
}

# forge_start_gateway_at on a free port, again on another one when the port was taken first;
# leaves the port in FORGE_STARTED_PORT. forge_start_gateway_on_free_port RUN NAME AUTH QUOTE
forge_start_gateway_on_free_port() {
    local run="$1" name="$2" auth_port="$3" quote_port="$4" attempt=1 rc port
    while :; do
        port="$(free_port)"
        rc=0
        forge_start_gateway_at "$run" "$name" "$port" "$auth_port" "$quote_port" || rc=$?
        if [ "$rc" -eq 0 ]; then
            FORGE_STARTED_PORT="$port"
            return 0
        fi
        [ "$rc" -eq 2 ] && [ "$attempt" -lt "$FORGE_BIND_RETRIES" ] || die "the gateway did not start"
        attempt=$((attempt + 1))
    done
}

# Called by ./forge up before anything starts: a busy port or a bad setting fails fast.
forge_gateway_preflight() {
    local port="${FORGE_GATEWAY_PORT:-8080}"
    forge_is_uint "$port" && [ "$port" -le 65535 ] || die "FORGE_GATEWAY_PORT must be a port number (got '$port')"
    port_in_use "$port" && die "port $port (FORGE_GATEWAY_PORT) is in use"
    return 0
}

# Called by ./forge up after the services are ready.
forge_start_gateway() {
    local run="$1"
    local port="${FORGE_GATEWAY_PORT:-8080}"
    forge_start_gateway_at "$run" gateway "$port" "$FORGE_AUTH_PORT" "$FORGE_QUOTE_PORT" \
        || die "the gateway did not start on port $port"
    export FORGE_GATEWAY_PORT="$port"
    local host="${FORGE_GATEWAY_HOST:-0.0.0.0}"
    [ "$host" = 0.0.0.0 ] && host=127.0.0.1
    [[ "$host" == *:* ]] && host="[$host]"
    [ "$host" = "[::]" ] && host="[::1]"
    export FORGE_GATEWAY_URL="http://$host:$port"
}
