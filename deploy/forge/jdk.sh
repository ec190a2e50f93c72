# shellcheck shell=bash
# Finding a JDK 21 or newer (JAVA_HOME, the usual install places, then javac on the PATH).
# Sourced through deploy/forge/lib.sh.

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

forge_find_jdk() {
    local candidate major
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
        [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
        major="$(java_major "$candidate")"
        if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ]; then
            export JAVA_HOME="$candidate"
            export PATH="$JAVA_HOME/bin:$PATH"
            return 0
        fi
    done
    if command -v javac >/dev/null; then
        candidate="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
        major="$(java_major "$candidate")"
        if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ]; then
            export JAVA_HOME="$candidate"
            return 0
        fi
    fi
    die "no JDK 21 or newer found; install one (e.g. apt-get install openjdk-21-jdk) or set JAVA_HOME"
}
