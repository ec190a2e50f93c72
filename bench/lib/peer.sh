# shellcheck shell=bash
# BENCH_PEER=keycloak: Keycloak from its Maven Central distribution (org.keycloak:
# keycloak-quarkus-dist, BENCH_KEYCLOAK_VERSION, about 160 MB, fetched once with Maven into
# .forge/bench/peer) on the suite's PostgreSQL (a database of its own), with a realm "bench"
# imported at its first start: a public client "bench" with the password grant, refresh tokens
# without rotation (Keycloak's default), and BENCH_PEER_USERS users. Started with Keycloak's own
# JVM defaults (kc.sh: G1, -Xms64m -Xmx512m). Sourced by bench/run.

peer_dir="$FORGE_DIR/bench/peer"
PEER_VERSION="${BENCH_KEYCLOAK_VERSION:-26.5.6}"
PEER_USERS="${BENCH_PEER_USERS:-20}"

peer_install() {
    local home="$peer_dir/keycloak-$PEER_VERSION"
    if [ ! -x "$home/bin/kc.sh" ]; then
        mkdir -p "$peer_dir"
        log "fetching Keycloak $PEER_VERSION (Maven Central, keycloak-quarkus-dist zip)"
        (cd "$ROOT" && ./mvnw -B -q -ntp dependency:copy \
            "-Dartifact=org.keycloak:keycloak-quarkus-dist:$PEER_VERSION:zip" \
            "-DoutputDirectory=$peer_dir") || { log "could not fetch Keycloak $PEER_VERSION"; return 1; }
        (cd "$peer_dir" && unzip -q -o "keycloak-quarkus-dist-$PEER_VERSION.zip") || return 1
    fi
    # The build step fixes the database kind, health endpoints and a local (single-node, no
    # JGroups) cache, as our services run one instance each; start --optimized skips it.
    local options="--db=postgres --health-enabled=true --cache=local"
    if [ "$(cat "$home/.bench-built" 2>/dev/null)" != "$options" ]; then
        log "building Keycloak for PostgreSQL (kc.sh build $options)"
        # shellcheck disable=SC2086
        "$home/bin/kc.sh" build $options >"$peer_dir/build.log" 2>&1 \
            || { log "kc.sh build failed (see $peer_dir/build.log)"; return 1; }
        echo "$options" >"$home/.bench-built"
    fi
    PEER_HOME="$home"
}

# Database bench_keycloak and its role, kept between runs (Keycloak's schema takes minutes to
# create on 2 cores; BENCH_PEER_FRESH=1 drops it), and the realm file for --import-realm, which
# Keycloak skips when the realm exists: the users' password is kept with the database.
peer_prepare() {
    local pg_port users="" i
    pg_port="$(sed -n 's/^PG_PORT=//p' "$FORGE_DIR/run/servers.env")"
    forge_load_secrets "$FORGE_DIR/data"
    PEER_DB_PASSWORD="$(openssl rand -hex 16)"
    [ "${BENCH_PEER_FRESH:-0}" = 1 ] && psql_super "$pg_port" -d postgres \
        -c 'DROP DATABASE IF EXISTS bench_keycloak' >/dev/null 2>&1
    psql_super "$pg_port" -d postgres -v pw="$PEER_DB_PASSWORD" <<'SQL' >/dev/null
SELECT format('CREATE ROLE bench_keycloak LOGIN PASSWORD %L', :'pw')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bench_keycloak') \gexec
ALTER ROLE bench_keycloak PASSWORD :'pw';
SELECT 'CREATE DATABASE bench_keycloak OWNER bench_keycloak'
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'bench_keycloak') \gexec
SQL
    PEER_DB_URL="jdbc:postgresql://127.0.0.1:$pg_port/bench_keycloak"
    [ -s "$peer_dir/users.password" ] || (umask 077 && echo "Peer-$(openssl rand -hex 8)-correct-horse" >"$peer_dir/users.password")
    BENCH_PEER_PASSWORD="$(cat "$peer_dir/users.password")"
    export BENCH_PEER_PASSWORD
    for i in $(seq -w 1 "$PEER_USERS"); do
        users+="${users:+,}{\"username\":\"peer-$i\",\"email\":\"peer-$i@bench.patriotforge.dev\",\"emailVerified\":true,\"firstName\":\"Peer\",\"lastName\":\"User$i\",\"enabled\":true,\"credentials\":[{\"type\":\"password\",\"value\":\"$BENCH_PEER_PASSWORD\",\"temporary\":false}]}"
    done
    mkdir -p "$PEER_HOME/data/import"
    cat >"$PEER_HOME/data/import/bench-realm.json" <<JSON
{"realm":"bench","enabled":true,"accessTokenLifespan":3600,"ssoSessionIdleTimeout":7200,
 "revokeRefreshToken":false,
 "clients":[{"clientId":"bench","publicClient":true,"directAccessGrantsEnabled":true,
             "standardFlowEnabled":false,"enabled":true}],
 "users":[$users]}
JSON
    chmod 600 "$PEER_HOME/data/import/bench-realm.json"
}

# peer_start PORT MANAGEMENT_PORT: starts Keycloak; prints "ms rss_kb pid" once ready.
peer_start() {
    local port="$1" mgmt="$2" t0 t1 pid
    t0=$(date +%s%N)
    "$PEER_HOME/bin/kc.sh" start --optimized --http-enabled=true --http-host=127.0.0.1 \
        --http-port="$port" --http-management-port="$mgmt" --hostname-strict=false \
        --db-url="$PEER_DB_URL" --db-username=bench_keycloak --db-password="$PEER_DB_PASSWORD" \
        --import-realm >>"$peer_dir/keycloak.log" 2>&1 &
    pid=$!
    until curl -fsS -o /dev/null "http://127.0.0.1:$mgmt/health/ready" 2>/dev/null; do
        kill -0 "$pid" 2>/dev/null || { log "Keycloak exited during startup (see $peer_dir/keycloak.log)"; return 1; }
        sleep 0.05
    done
    t1=$(date +%s%N)
    sleep 2
    # kc.sh runs java as its child (and forwards SIGTERM to it): memory is the JVM's.
    pid="$(pgrep -P "$pid" -x java || echo "$pid")"
    echo "$(((t1 - t0) / 1000000)) $(awk '/^VmRSS/{print $2}' "/proc/$pid/status") $pid"
}

# First start creates the schema and imports the realm when they are new (not counted); the second
# start is
# measured and stays up for the load (recorded in .forge/run/pids). Returns non-zero when
# Keycloak cannot run; the bench then goes on without it.
peer_measure() {
    peer_install || return 1
    peer_prepare || return 1
    : >"$peer_dir/keycloak.log"
    local line port mgmt
    port="$(free_port)"
    mgmt="$(free_port)"
    export BENCH_PEER_URL="http://127.0.0.1:$port"
    log "starting Keycloak $PEER_VERSION once to create its schema and import the realm"
    line="$(peer_start "$port" "$mgmt")" || return 1
    stop_pid "$(echo "$line" | cut -d' ' -f3)"
    line="$(peer_start "$port" "$mgmt")" || return 1
    record_pid "$FORGE_DIR/run" keycloak "$(echo "$line" | cut -d' ' -f3)"
    log "Keycloak ready in $(echo "$line" | cut -d' ' -f1) ms, idle RSS $(($(echo "$line" | cut -d' ' -f2) / 1024)) MB"
    export BENCH_PEER_READY_MS="$(echo "$line" | cut -d' ' -f1)" BENCH_PEER_IDLE_RSS_KB="$(echo "$line" | cut -d' ' -f2)"
}
