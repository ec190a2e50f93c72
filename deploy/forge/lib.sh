# shellcheck shell=bash
# Functions behind ./forge, one file per concern. Sourced by ./forge and the other scripts (ROOT and
# FORGE_DIR are set there); sourcing this file sources the rest.

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


FORGE_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=deploy/forge/jdk.sh
source "$FORGE_LIB_DIR/jdk.sh"
# shellcheck source=deploy/forge/packages.sh
source "$FORGE_LIB_DIR/packages.sh"
# shellcheck source=deploy/forge/ports.sh
source "$FORGE_LIB_DIR/ports.sh"
# shellcheck source=deploy/forge/postgres.sh
source "$FORGE_LIB_DIR/postgres.sh"
# shellcheck source=deploy/forge/redis.sh
source "$FORGE_LIB_DIR/redis.sh"
# shellcheck source=deploy/forge/smtp.sh
source "$FORGE_LIB_DIR/smtp.sh"
# shellcheck source=deploy/forge/servers.sh
source "$FORGE_LIB_DIR/servers.sh"
# shellcheck source=deploy/forge/services.sh
source "$FORGE_LIB_DIR/services.sh"
# shellcheck source=deploy/forge/summary.sh
source "$FORGE_LIB_DIR/summary.sh"
