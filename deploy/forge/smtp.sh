# shellcheck shell=bash
# The local SMTP server: Debian's python3-aiosmtpd (an RFC 5321 server) with its Maildir handler,
# so every message auth-service sends is kept as one file under the mail directory, and
# `./forge mail` (deploy/forge/mail.py) reads them back.
# Sourced through deploy/forge/lib.sh.

FORGE_SMTP_PYTHON=/usr/bin/python3

smtp_server_installed() { "$FORGE_SMTP_PYTHON" -c 'import aiosmtpd' 2>/dev/null; }

# start_smtp RUN MAILDIR PORT: 127.0.0.1 only, no relay (the handler stores, it never forwards),
# messages up to 10 MiB, SMTPUTF8 on (addresses and subjects may be Unicode).
start_smtp() {
    local run="$1" maildir="$2" port="$3"
    mkdir -p "$(dirname "$maildir")"
    log "starting the SMTP server (aiosmtpd $("$FORGE_SMTP_PYTHON" -m aiosmtpd --version 2>/dev/null | awk '{print $NF}')) on 127.0.0.1:$port, mail kept in $maildir"
    "$FORGE_SMTP_PYTHON" -m aiosmtpd --nosetuid --smtputf8 --size 10485760 \
        --listen "127.0.0.1:$port" --class aiosmtpd.handlers.Mailbox "$maildir" \
        >"$run/smtp.log" 2>&1 &
    local pid=$!
    record_pid "$run" smtp "$pid"
    if ! wait_for_pid "$pid" "the SMTP server" 20 smtp_ready "$port"; then
        if ! kill -0 "$pid" 2>/dev/null && forge_bind_failed "$run/smtp.log"; then
            log "port $port was taken before the SMTP server could bind it"
            return 2
        fi
        cat "$run/smtp.log" >&2
        die "the SMTP server did not start"
    fi
}

# Ready when it greets with 220.
smtp_ready() {
    "$FORGE_SMTP_PYTHON" - "$1" <<'PY'
import smtplib, sys
with smtplib.SMTP("127.0.0.1", int(sys.argv[1]), timeout=2) as s:
    s.noop()
PY
}
