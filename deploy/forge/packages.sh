# shellcheck shell=bash
# The Debian packages forge needs (PostgreSQL 15+, Redis, nginx, psql, openssl, aiosmtpd), installed when
# missing, with their own services kept from starting.
# Sourced through deploy/forge/lib.sh.

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
    smtp_server_installed || missing+=(python3-aiosmtpd)
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
