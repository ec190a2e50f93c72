# shellcheck shell=bash
# Training of the JDK AOT caches the bench measures. `-Paot` records app.aot while Quarkus starts
# the application during the build, with no database: a service whose start migrates with Flyway,
# opens its pools and checks Redis fails there early, so its cache misses the classes of the rest
# of the start (and the floor, which touches no database at start, gets a full one). Training
# records a second cache from a real start against the bench's servers, then a few requests, as
# deploy/aot/train does with a longer workload. Both caches are kept: app-build.aot (as built)
# and app.aot (trained), and the bench measures both. BENCH_AOT_TRAIN=0 skips the training.
# Sourced by bench/run.

# aot_train NAME PORT DIR PATH: starts DIR/quarkus-run.jar recording a cache, waits until ready,
# sends 50 GETs of PATH, stops it (the JVM then writes the cache) and installs the cache.
aot_train() {
    local name="$1" port="$2" dir="$3" path="$4" pid i
    [ "${BENCH_AOT_TRAIN:-1}" = 1 ] || return 0
    [ -f "$dir/app.aot" ] || return 0
    if [ -f "$dir/.trained" ] && ! [ "$dir/app.aot" -nt "$dir/.trained" ]; then
        return 0
    fi
    log "$name: training its AOT cache on a real start"
    [ -f "$dir/app-build.aot" ] || cp "$dir/app.aot" "$dir/app-build.aot"
    rm -f "$dir/app-trained.aot"
    (cd "$dir" && exec "$JAVA_HOME/bin/java" $FORGE_JAVA_OPTS -XX:AOTCacheOutput=app-trained.aot \
        -jar quarkus-run.jar >"$FORGE_DIR/bench/$name-train.log" 2>&1) &
    pid=$!
    for i in $(seq 1 1500); do  # up to 5 minutes
        curl -fsS -o /dev/null "$(ready_url "$name" "$port")" 2>/dev/null && break
        kill -0 "$pid" 2>/dev/null || { log "$name did not start for training"; return 0; }
        sleep 0.2
    done
    for i in $(seq 1 50); do
        curl -sS -o /dev/null "http://127.0.0.1:$port$path" 2>/dev/null || true
    done
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 1800); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if [ -s "$dir/app-trained.aot" ]; then
        mv "$dir/app-trained.aot" "$dir/app.aot"
        touch "$dir/.trained"
    else
        log "$name wrote no trained cache (see $FORGE_DIR/bench/$name-train.log); the build's cache stays"
    fi
}

# Measures the AOT variants of NAME in DIR: the cache as built (aot-build) and, when trained,
# the trained one (aot). Adds to the entries of startup.json.
aot_measure() {
    local name="$1" port="$2" dir="$3" entry
    [ -f "$dir/app.aot" ] || return 0
    if [ -f "$dir/app-build.aot" ]; then
        # AOTMode=on: a cache the JVM cannot use fails the run instead of measuring a plain start.
        entry="$(measure_startup "$name" "$port" aot-build "$dir" -XX:AOTMode=on \
            "-XX:AOTCache=$dir/app-build.aot")" && entries+=("$entry") \
            || log "$name did not start with its build-time AOT cache; not measured"
    fi
    entry="$(measure_startup "$name" "$port" aot "$dir" -XX:AOTMode=on "-XX:AOTCache=$dir/app.aot")" \
        && entries+=("$entry") || log "$name did not start with its AOT cache; not measured"
}
