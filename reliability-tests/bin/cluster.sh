# shellcheck shell=bash
# The reliability tier's cluster: two replicas of each service and a gateway in front of them,
# started on free ports next to forge's PostgreSQL and Redis of one run directory, plus the fault
# actions the tests trigger (SIGKILL a replica, stop Redis, restart PostgreSQL, ...).
#
# Sourced by reliability-tests/run and reliability-tests/bin/ctl after deploy/forge/lib.sh (run also
# after deploy/forge/gateway.sh). ROOT and FORGE_DIR are set by the caller. Layout:
#
#   RUN/                       forge's run directory (servers.env, secrets.env, pids, pg.datadir)
#   RUN/reliability/           CDIR: this cluster
#     cluster.env              ports and settings of the replicas (sourced again by bin/ctl)
#     cluster.properties       the same for the JUnit harness
#     replicas                 "name service port management-port" per replica
#     auth-a/ auth-b/ ...      each replica's log (the previous run's log as *.log.1) and pid
#     gateway/                 the rendered nginx configuration, its logs and pid
#
# Every process started here is also recorded in RUN/pids, so forge_stop_all ends it even when
# this tier is interrupted.

CL_REPLICAS=(auth-a auth-b quote-a quote-b)

cl_dir() { echo "$RUN/reliability"; }

# Picks ports, writes cluster.env / cluster.properties / replicas and the shared signing key.
cl_setup() {
    local cdir
    cdir="$(cl_dir)"
    mkdir -p "$cdir"
    # shellcheck disable=SC1091
    source "$RUN/servers.env"
    local auth_a auth_b quote_a quote_b gateway m_auth_a m_auth_b m_quote_a m_quote_b
    auth_a="$(free_port)"
    auth_b="$(free_port)"
    quote_a="$(free_port)"
    quote_b="$(free_port)"
    gateway="$(free_port)"
    m_auth_a="$(free_port)"
    m_auth_b="$(free_port)"
    m_quote_a="$(free_port)"
    m_quote_b="$(free_port)"
    # Both auth replicas sign with one key, as replicas in production do.
    if [ ! -f "$cdir/signing-key.pem" ]; then
        (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 \
            -out "$cdir/signing-key.pem" 2>/dev/null)
    fi
    # ... and encrypt TOTP secrets with one key (prod refuses to start without it).
    [ -f "$cdir/mfa-encryption-key" ] \
        || (umask 077 && openssl rand -base64 32 > "$cdir/mfa-encryption-key")
    # ... and both quote replicas seal webhook secrets with one key.
    [ -f "$cdir/webhook-encryption-key" ] \
        || (umask 077 && openssl rand -base64 32 > "$cdir/webhook-encryption-key")
    # The replicas run from a copy of the packaged apps, so that a build running meanwhile
    # (another module's ./mvnw package) cannot change the jars under them.
    # RELIABILITY_APP_ROOT points at another checkout's packaged apps (default: this one).
    local svc apps="${RELIABILITY_APP_ROOT:-$ROOT}"
    for svc in auth-service quote-service; do
        [ -f "$apps/$svc/target/quarkus-app/quarkus-run.jar" ] \
            || die "$svc is not packaged (./mvnw package -pl $svc)"
        rm -rf "$cdir/app/$svc"
        mkdir -p "$cdir/app"
        cp -a "$apps/$svc/target/quarkus-app" "$cdir/app/$svc"
    done
    cat > "$cdir/replicas" <<EOF
auth-a auth-service $auth_a $m_auth_a
auth-b auth-service $auth_b $m_auth_b
quote-a quote-service $quote_a $m_quote_a
quote-b quote-service $quote_b $m_quote_b
EOF
    # Small per-IP limits so that the cross-replica test reaches them quickly; every test that
    # calls a replica directly sends its own X-Forwarded-For address (the replicas trust
    # 127.0.0.1), and the few registrations through the gateway stay far below them.
    cat > "$cdir/cluster.env" <<EOF
CL_GATEWAY_PORT=$gateway
export FORGE_AUTH_JWT_SIGNING_KEY_FILE='$cdir/signing-key.pem'
export FORGE_AUTH_JWT_KEY_ID=reliability-1
export FORGE_AUTH_MFA_ENCRYPTION_KEY='$(cat "$cdir/mfa-encryption-key")'
export FORGE_WEBHOOK_ENCRYPTION_KEY='$(cat "$cdir/webhook-encryption-key")'
# The webhook tests' receiver listens on 127.0.0.1 over http; a short retry base and lease let
# WebhookKillIT see a killed replica's claim run out within seconds (defaults PT5S and PT1M).
export FORGE_WEBHOOK_ALLOW_PRIVATE=true
export FORGE_WEBHOOK_RETRY_BASE=PT1S
export FORGE_WEBHOOK_LEASE=PT15S
export FORGE_JWKS_URL='http://127.0.0.1:$gateway/api/auth/.well-known/jwks.json'
export FORGE_AUTH_IP_REGISTRATIONS=${RELIABILITY_IP_REGISTRATIONS:-12}
export FORGE_AUTH_IP_FAILED_LOGINS=${RELIABILITY_IP_FAILED_LOGINS:-12}
export FORGE_AUTH_LOCKOUT_MAX_FAILURES=5
export FORGE_AUTH_LOCKOUT_DURATION=PT15M
export FORGE_AUTH_IP_WINDOW=PT15M
export FORGE_GATEWAY_AUTH_RATE=${RELIABILITY_GATEWAY_AUTH_RATE:-50}
# A mail claim's lease and the SMTP timeout, short so that MailOutboxKillIT sees a killed
# sender's claim run out within seconds (defaults: 1 minute and 20 s).
export FORGE_AUTH_MAIL_LEASE=PT15S
export FORGE_SMTP_TIMEOUT=PT8S
# The soak creates ~80 quotes a minute per user, more than the default create rate (60).
export FORGE_QUOTE_CREATE_RATE=${RELIABILITY_QUOTE_CREATE_RATE:-100000}
# A slow machine lets KillDuringCreateIT's client open more than the default cap (1000) per user.
export FORGE_QUOTE_MAX_OPEN_PER_CUSTOMER=${RELIABILITY_QUOTE_MAX_OPEN:-100000}
export FORGE_JAVA_OPTS='$(cl_java_opts)'
# On SIGTERM a replica keeps serving this long with readiness DOWN (RollingRestartIT: the
# gateway takes it out meanwhile, as Kubernetes takes a terminating pod out of its endpoints).
export FORGE_SHUTDOWN_DELAY=2S
EOF
    cat > "$cdir/cluster.properties" <<EOF
run.dir=$RUN
cluster.dir=$cdir
ctl=$ROOT/reliability-tests/bin/ctl
gateway.url=http://127.0.0.1:$gateway
auth-a.url=http://127.0.0.1:$auth_a
auth-b.url=http://127.0.0.1:$auth_b
quote-a.url=http://127.0.0.1:$quote_a
quote-b.url=http://127.0.0.1:$quote_b
auth-a.management.url=http://127.0.0.1:$m_auth_a
auth-b.management.url=http://127.0.0.1:$m_auth_b
quote-a.management.url=http://127.0.0.1:$m_quote_a
quote-b.management.url=http://127.0.0.1:$m_quote_b
pg.port=$PG_PORT
redis.port=$REDIS_PORT
ip.registrations=${RELIABILITY_IP_REGISTRATIONS:-12}
ip.failed.logins=${RELIABILITY_IP_FAILED_LOGINS:-12}
lockout.max.failures=5
EOF
}

# The services' JVM options (FORGE_JAVA_OPTS, as ./forge uses them) with the whole heap committed
# and touched at start (-Xms = -Xmx, -XX:+AlwaysPreTouch): the soak then sees the heap in its
# heap-after-GC figure and only memory outside the heap (metaspace, code cache, threads, native
# buffers) in the growth of the resident set, instead of the heap's pages being touched one by
# one as the old generation fills (which looks like growth but stops at -Xmx).
cl_java_opts() {
    local opts="$FORGE_JAVA_OPTS" xmx
    xmx="$(grep -oE -- '-Xmx[0-9]+[kKmMgG]?' <<<"$opts" | tail -1 || true)"
    [ -n "$xmx" ] && opts="$opts -Xms${xmx#-Xmx}"
    echo "$opts -XX:+AlwaysPreTouch"
}

# Loads cluster.env and the servers' environment (ports, credentials of the service roles).
cl_load() {
    local cdir
    cdir="$(cl_dir)"
    [ -f "$cdir/cluster.env" ] || die "no cluster in $cdir (run cl_setup first)"
    forge_load_secrets "$RUN"
    forge_export_service_env "$RUN"
    # shellcheck disable=SC1091
    source "$cdir/cluster.env"
    # lib.sh's start_service runs service_jar's answer: the copies made by cl_setup.
    service_jar() { echo "$(cl_dir)/app/$1/quarkus-run.jar"; }
}

cl_replica_field() { # name field-number (2 = service, 3 = port, 4 = management port)
    awk -v n="$1" -v f="$2" '$1 == n { print $f }' "$(cl_dir)/replicas"
}

cl_pid() { # name: the pid of the running replica or gateway, empty when none was started
    local file
    file="$(cl_dir)/$1/pids"
    [ -f "$file" ] && awk 'END { print $2 }' "$file"
}

cl_alive() {
    local pid
    pid="$(cl_pid "$1")"
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# Starts one replica (does not wait): cl_start_replica NAME
cl_start_replica() {
    local name="$1" svc port mport dir
    svc="$(cl_replica_field "$name" 2)"
    port="$(cl_replica_field "$name" 3)"
    mport="$(cl_replica_field "$name" 4)"
    [ -n "$svc" ] || die "unknown replica $name"
    cl_alive "$name" && die "$name is already running (pid $(cl_pid "$name"))"
    dir="$(cl_dir)/$name"
    mkdir -p "$dir"
    [ -f "$dir/$svc.log" ] && mv -f "$dir/$svc.log" "$dir/$svc.log.1"
    : > "$dir/pids"
    port_in_use "$port" && die "port $port of $name is in use"
    port_in_use "$mport" && die "management port $mport of $name is in use"
    FORGE_START_MANAGEMENT_PORT="$mport" start_service "$dir" "$svc" "$port" </dev/null
    record_pid "$RUN" "$name" "$(cl_pid "$name")"
}

# Waits until a replica is ready; 2 when its port was taken before it could bind it.
cl_wait_replica() { # name [timeout-seconds]
    local name="$1" timeout="${2:-120}" port svc
    port="$(cl_replica_field "$name" 3)"
    svc="$(cl_replica_field "$name" 2)"
    forge_wait_service "$(cl_dir)/$name" "$svc" "$port" "$timeout"
}

# Moves a replica to other free ports (replicas, cluster.properties): cl_move_replica NAME
cl_move_replica() {
    local name="$1" cdir port mport
    cdir="$(cl_dir)"
    port="$(free_port)"
    mport="$(free_port)"
    awk -v n="$name" -v p="$port" -v m="$mport" '$1 == n { $3 = p; $4 = m } { print }' \
        "$cdir/replicas" > "$cdir/replicas.new"
    mv "$cdir/replicas.new" "$cdir/replicas"
    sed -i -E -e "s|^$name\.url=.*|$name.url=http://127.0.0.1:$port|" \
        -e "s|^$name\.management\.url=.*|$name.management.url=http://127.0.0.1:$mport|" \
        "$cdir/cluster.properties"
    log "$name moves to ports $port (management $mport)"
}

# Moves the gateway to another free port (cluster.env, cluster.properties, the JWKS URL).
cl_move_gateway() {
    local cdir port
    cdir="$(cl_dir)"
    port="$(free_port)"
    sed -i -E -e "s|^CL_GATEWAY_PORT=.*|CL_GATEWAY_PORT=$port|" \
        -e "s|127\.0\.0\.1:$CL_GATEWAY_PORT/|127.0.0.1:$port/|" "$cdir/cluster.env"
    sed -i -E "s|^gateway\.url=.*|gateway.url=http://127.0.0.1:$port|" "$cdir/cluster.properties"
    # shellcheck disable=SC1091
    source "$cdir/cluster.env"
    log "the gateway moves to port $port"
}

# Stops one replica with a signal (TERM or KILL) and waits until the process is gone.
cl_stop_replica() { # name [signal]
    forge_stop_one "$(cl_dir)/$1" "$(cl_replica_field "$1" 2)" "${2:-TERM}" 200
}

# Takes a replica out of the gateway's upstream (down) or puts it back (up), then reloads nginx
# gracefully (SIGHUP): what Kubernetes does with the endpoints of a terminating or ready pod.
cl_gateway_upstream() { # name down|up
    local cdir conf port pid
    cdir="$(cl_dir)"
    conf="$cdir/gateway/nginx.conf"
    port="$(cl_replica_field "$1" 3)"
    if [ "$2" = down ]; then
        sed -i -E "s|^([[:space:]]*server 127\.0\.0\.1:$port);|\1 down;|" "$conf"
    else
        sed -i -E "s|^([[:space:]]*server 127\.0\.0\.1:$port) down;|\1;|" "$conf"
    fi
    pid="$(cl_pid gateway)"
    [ -n "$pid" ] || die "the gateway is not running"
    kill -HUP "$pid"
    # The master starts workers with the new configuration; old ones finish their requests.
    sleep 0.5
}

# A rolling restart of one replica, as a Deployment rollout does it: SIGTERM; the replica keeps
# serving for its shutdown delay (FORGE_SHUTDOWN_DELAY) with readiness DOWN, which takes it out of
# the gateway; it finishes the requests in flight and exits; a new process starts on the same
# ports and goes back into the gateway once ready. cl_roll_replica NAME
cl_roll_replica() {
    local name="$1" pid mport svc i
    pid="$(cl_pid "$name")"
    mport="$(cl_replica_field "$name" 4)"
    svc="$(cl_replica_field "$name" 2)"
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || die "$name is not running"
    kill -TERM "$pid"
    wait_for "$name readiness DOWN after SIGTERM" 5 \
        bash -c "! curl -fsS -o /dev/null --max-time 1 http://127.0.0.1:$mport/q/health/ready" \
        || die "$name did not report DOWN within its shutdown delay"
    cl_gateway_upstream "$name" down
    for i in $(seq 1 300); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -0 "$pid" 2>/dev/null && die "$name did not exit within 30 s of SIGTERM"
    cl_start_replica "$name"
    cl_wait_replica "$name" 120 || die "$name did not become ready again"
    cl_gateway_upstream "$name" up
    log "$name ($svc) rolled"
}

# The gateway of deploy/gateway with both replicas of each service in its upstream blocks.
cl_start_gateway() {
    local cdir dir bin
    cdir="$(cl_dir)"
    dir="$cdir/gateway"
    bin="$(forge_nginx_bin)"
    local auth_a auth_b quote_a quote_b
    auth_a="$(cl_replica_field auth-a 3)"
    auth_b="$(cl_replica_field auth-b 3)"
    quote_a="$(cl_replica_field quote-a 3)"
    quote_b="$(cl_replica_field quote-b 3)"
    forge_render_gateway "$dir" "$CL_GATEWAY_PORT" "$auth_a" "$quote_a"
    local conf="$dir/nginx.conf"
    # One more "server" line after each rendered upstream server: two replicas per service.
    sed -i -E \
        -e "s|^([[:space:]]*)server 127\.0\.0\.1:$auth_a;|&\n\1server 127.0.0.1:$auth_b;|" \
        -e "s|^([[:space:]]*)server 127\.0\.0\.1:$quote_a;|&\n\1server 127.0.0.1:$quote_b;|" \
        "$conf"
    local port
    for port in "$auth_a" "$auth_b" "$quote_a" "$quote_b"; do
        grep -Eq "^[[:space:]]*server 127\.0\.0\.1:$port;" "$conf" \
            || die "the rendered gateway configuration has no upstream server 127.0.0.1:$port"
    done
    "$bin" -p "$dir" -c "$conf" -t -q -e "$dir/error.log" 2>"$dir/nginx-t.log" \
        || { cat "$dir/nginx-t.log" >&2; die "the replica gateway configuration is invalid"; }
    : > "$dir/pids"
    : > "$dir/error.log"
    "$bin" -p "$dir" -c "$conf" -e "$dir/error.log" -g 'daemon off;' >"$dir/nginx.out" 2>&1 </dev/null &
    local pid=$!
    record_pid "$dir" gateway "$pid"
    record_pid "$RUN" reliability-gateway "$pid"
    if ! wait_for_pid "$pid" gateway 20 port_in_use "$CL_GATEWAY_PORT"; then
        if ! kill -0 "$pid" 2>/dev/null && forge_bind_failed "$dir/error.log"; then
            log "port $CL_GATEWAY_PORT was taken before the gateway could bind it"
            return 2
        fi
        cat "$dir/error.log" >&2
        die "the gateway did not start"
    fi
    log "gateway on :$CL_GATEWAY_PORT -> auth :$auth_a :$auth_b, quote :$quote_a :$quote_b"
}

# Starts the replicas and the gateway. A process whose port another one took first (between
# free_port and its bind) starts again on another port, FORGE_BIND_RETRIES times at most.
cl_start_all() {
    local name attempt rc
    for name in "${CL_REPLICAS[@]}"; do
        cl_start_replica "$name"
    done
    for name in "${CL_REPLICAS[@]}"; do
        attempt=1
        while :; do
            rc=0
            cl_wait_replica "$name" 180 || rc=$?
            [ "$rc" -eq 0 ] && break
            [ "$rc" -eq 2 ] && [ "$attempt" -lt "$FORGE_BIND_RETRIES" ] || die "$name did not become ready"
            attempt=$((attempt + 1))
            cl_move_replica "$name"
            cl_start_replica "$name"
        done
    done
    attempt=1
    while :; do
        rc=0
        cl_start_gateway || rc=$?
        [ "$rc" -eq 0 ] && break
        [ "$rc" -eq 2 ] && [ "$attempt" -lt "$FORGE_BIND_RETRIES" ] || die "the gateway did not start"
        attempt=$((attempt + 1))
        cl_move_gateway
        # quote-service fetches the JWKS through the gateway: restart it with the new URL.
        for name in quote-a quote-b; do
            cl_stop_replica "$name" TERM
            cl_start_replica "$name"
        done
        for name in quote-a quote-b; do
            cl_wait_replica "$name" 180 || die "$name did not become ready"
        done
    done
}

cl_stop_all() {
    local name pid
    pid="$(cl_pid gateway)"
    if [ -n "$pid" ]; then
        kill -TERM "$pid" 2>/dev/null || true
    fi
    for name in "${CL_REPLICAS[@]}"; do
        cl_stop_replica "$name" TERM
    done
}

# --- Redis and PostgreSQL faults -----------------------------------------------------------------

cl_redis_pid() { awk '$1 == "redis" { p = $2 } END { print p }' "$RUN/pids"; }

cl_redis_ping() {
    REDISCLI_AUTH="$REDIS_ADMIN_PASSWORD" redis-cli --user forge_admin -h 127.0.0.1 -p "$REDIS_PORT" \
        --no-auth-warning "$@" 2>/dev/null
}

# Stops Redis like a crash or an operator's kill would (SIGTERM; the forge Redis keeps no data on
# disk, so everything in it is gone when it comes back).
cl_redis_stop() {
    local pid i
    pid="$(cl_redis_pid)"
    [ -n "$pid" ] || die "no Redis pid in $RUN/pids"
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
}

cl_redis_start() {
    local dir
    dir="$(sed -n 's/^dir //p' "$RUN/redis.conf")"
    [ -n "$dir" ] || die "cannot find the Redis data directory in $RUN/redis.conf"
    start_redis "$RUN" "$dir" "$REDIS_PORT"
}

cl_redis_freeze() { kill -STOP "$(cl_redis_pid)"; }
cl_redis_thaw() { kill -CONT "$(cl_redis_pid)"; }

# The SMTP server (forge's, recorded as "smtp"): frozen, it accepts connections (the kernel's
# backlog) but never greets, so a send hangs until the mailer's timeout.
cl_smtp_pid() { awk '$1 == "smtp" { p = $2 } END { print p }' "$RUN/pids"; }
cl_smtp_freeze() { kill -STOP "$(cl_smtp_pid)"; }
cl_smtp_thaw() { kill -CONT "$(cl_smtp_pid)"; }

cl_pg_datadir() { cat "$RUN/pg.datadir"; }

cl_pg_stop() { # [mode: fast | immediate]
    as_pg "$(pg_bindir)/pg_ctl" -D "$(cl_pg_datadir)" -m "${1:-fast}" -w -t 60 stop >/dev/null
}

cl_pg_start() {
    start_postgres "$RUN" "$(cl_pg_datadir)" "$PG_PORT"
}

cl_pg_running() { as_pg "$(pg_bindir)/pg_ctl" -D "$(cl_pg_datadir)" status >/dev/null 2>&1; }

# Redis and PostgreSQL up again, whatever a test left behind.
cl_ensure_servers() {
    local pid
    pid="$(cl_redis_pid)"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -CONT "$pid" 2>/dev/null || true
        wait_for Redis 20 redis_ping "$REDIS_PORT"
    else
        cl_redis_start
    fi
    cl_pg_running || cl_pg_start
    pid="$(cl_smtp_pid)"
    [ -z "$pid" ] || kill -CONT "$pid" 2>/dev/null || true
}
