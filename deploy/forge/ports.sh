# shellcheck shell=bash
# Free ports, waiting for readiness, and the processes recorded in RUN/pids.
# Sourced through deploy/forge/lib.sh.

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

# Waits (20 s) until a server just started as PID passes CHECK. Returns 2 when the process ended
# because its port was taken first (the caller starts it again elsewhere); on any other failure
# shows the server's log and stops forge. forge_await_server PID LABEL LOG-FILE CHECK...
forge_await_server() {
    local pid="$1" label="$2" logfile="$3"
    shift 3
    wait_for_pid "$pid" "$label" 20 "$@" && return 0
    if ! kill -0 "$pid" 2>/dev/null && forge_bind_failed "$logfile"; then
        log "the port was taken before $label could bind it"
        return 2
    fi
    cat "$logfile" >&2
    die "$label did not start"
}

# How many times a server start that lost its port to another process is retried elsewhere.
FORGE_BIND_RETRIES="${FORGE_BIND_RETRIES:-3}"

record_pid() { echo "$2 $3" >> "$1/pids"; }

wait_for() { # description timeout-seconds command...
    wait_for_pid "" "$@"
}

# wait_for, but gives up as soon as process PID has ended (no check with an empty PID):
# wait_for_pid PID description timeout cmd...
wait_for_pid() {
    local pid="$1" what="$2" timeout="$3" i=0
    shift 3
    until "$@" >/dev/null 2>&1; do
        if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
            log "$what has exited"
            return 1
        fi
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
