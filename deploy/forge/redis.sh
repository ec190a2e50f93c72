# shellcheck shell=bash
# Redis with one ACL user per service.
# Sourced through deploy/forge/lib.sh.

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
    forge_await_server "$pid" Redis "$run/redis.log" redis_ping "$port"
}

redis_ping() {
    REDISCLI_AUTH="$REDIS_ADMIN_PASSWORD" redis-cli --user forge_admin -h 127.0.0.1 -p "$1" ping \
        2>/dev/null | grep -q PONG
}
