# shellcheck shell=bash
# The framework's floor (bench/floor): a minimal Quarkus REST + Hibernate ORM + PostgreSQL service
# built with the suite's parent (BOM, -Paot profile) and started with the same FORGE_JAVA_OPTS.
# Sourced by bench/run after the suite is up; uses its PostgreSQL (a database of its own).

floor_dir="$FORGE_DIR/bench/floor"
# Rows of the floor's table; wrk and pgbench pick one at random by primary key.
export BENCH_FLOOR_ROWS="${BENCH_FLOOR_ROWS:-10000}"
FLOOR_ROWS="$BENCH_FLOOR_ROWS"

# Builds the floor twice when its sources are newer than the last build: fast-jar (plain) into
# .forge/bench/floor/jvm and aot-jar with the cache -Paot records at build into
# .forge/bench/aot/floor, exactly as build_aot does for the services.
floor_build() {
    local stamp="$floor_dir/jvm/quarkus-run.jar"
    if [ -f "$stamp" ] && [ -z "$(find "$ROOT/bench/floor/src" "$ROOT/bench/floor/pom.xml" "$ROOT/pom.xml" -newer "$stamp" -print -quit)" ] \
        && { [ "${BENCH_AOT:-1}" != 1 ] || [ -f "$aot_root/floor/app.aot" ]; }; then
        return 0
    fi
    log "building the floor (bench/floor: fast-jar, then aot-jar with -Paot)"
    mkdir -p "$floor_dir" "$aot_root"
    (cd "$ROOT" && ./mvnw -B -q -ntp -f bench/floor/pom.xml package -DskipTests) || die "the floor did not build"
    rm -rf "$floor_dir/jvm"
    mv "$ROOT/bench/floor/target/quarkus-app" "$floor_dir/jvm"
    rm -rf "$aot_root/floor"
    if [ "${BENCH_AOT:-1}" = 1 ]; then
        if (cd "$ROOT" && ./mvnw -B -q -ntp -f bench/floor/pom.xml package -DskipTests -Paot) \
            && [ -f "$ROOT/bench/floor/target/quarkus-app/app.aot" ]; then
            mv "$ROOT/bench/floor/target/quarkus-app" "$aot_root/floor"
        else
            log "the floor's AOT build failed; its AOT startup is not measured"
        fi
    fi
    touch "$stamp"
}

# A database "bench_floor" on the suite's PostgreSQL with its own role and FLOOR_ROWS rows
# (recreated each run); exports the floor's datasource settings and FLOOR_PG_* for pgbench.
floor_prepare_db() {
    local pg_port password
    pg_port="$(sed -n 's/^PG_PORT=//p' "$FORGE_DIR/run/servers.env")"
    forge_load_secrets "$FORGE_DIR/data"
    password="$(openssl rand -hex 16)"
    psql_super "$pg_port" -d postgres -v pw="$password" <<'SQL' >/dev/null
SELECT format('CREATE ROLE bench_floor LOGIN PASSWORD %L', :'pw')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bench_floor') \gexec
ALTER ROLE bench_floor PASSWORD :'pw';
SELECT 'CREATE DATABASE bench_floor OWNER bench_floor'
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'bench_floor') \gexec
SQL
    PGPASSWORD="$password" PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U bench_floor \
        -d bench_floor -v rows="$FLOOR_ROWS" >/dev/null <<'SQL'
DROP TABLE IF EXISTS floor_rows;
CREATE TABLE floor_rows (id bigint PRIMARY KEY, title text NOT NULL, status text NOT NULL,
                         total_minor bigint, created_at timestamptz NOT NULL);
INSERT INTO floor_rows
SELECT n, 'Floor row ' || n, 'priced', n * 100, now() FROM generate_series(1, :rows) AS n;
ANALYZE floor_rows;
SQL
    export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$pg_port/bench_floor"
    export QUARKUS_DATASOURCE_USERNAME=bench_floor QUARKUS_DATASOURCE_PASSWORD="$password"
    export FLOOR_PG_PORT="$pg_port" FLOOR_PG_PASSWORD="$password" FLOOR_ROWS
}

# Startup (plain and AOT, 3 runs each) into the entries of startup.json, then starts the floor
# for the load scenarios (recorded in .forge/run/pids, so ./forge down stops it).
floor_measure() {
    floor_build
    floor_prepare_db
    local port
    port="$(free_port)"
    export QUARKUS_HTTP_PORT="$port" FLOOR_URL="http://127.0.0.1:$port"
    if [ "${BENCH_STARTUP:-1}" = 1 ]; then
        entries+=("$(measure_startup floor "$port" jvm "$floor_dir/jvm")")
        if [ "${BENCH_AOT:-1}" = 1 ]; then
            aot_train floor "$port" "$aot_root/floor" /rows/1
            aot_measure floor "$port" "$aot_root/floor"
        fi
    fi
    local line
    line="$(start_measured floor "$port" "$floor_dir/jvm")" || exit 1
    record_pid "$FORGE_DIR/run" floor "$(echo "$line" | cut -d' ' -f3)"
    # Idle RSS of the instance under load, before the load (startup.json has the medians).
    export FLOOR_IDLE_RSS_KB="$(echo "$line" | cut -d' ' -f2)"
}
