package dev.patriotforge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Drives one scenario (bench/wrk/SCENARIO.lua) with wrk and reads the JSON line that
 * bench/wrk/report.lua prints into the figures of the scenario.
 */
final class Wrk {
    private final ObjectMapper json;
    private final Settings settings;
    private final Path data;

    Wrk(ObjectMapper json, Settings settings, Path data) {
        this.json = json;
        this.settings = settings;
        this.data = data;
    }

    /** A discarded run of SCENARIO against BASE for the warm-up time, all connections. */
    void warm(String scenario, String base, String phase) throws IOException, InterruptedException {
        int t = settings.threads();
        Commands.exec(
                env(t, phase, Map.of()),
                "wrk",
                "-t" + t,
                "-c" + settings.connections(),
                "-d" + settings.warmup() + "s",
                "-s",
                settings.wrkScript(scenario).toString(),
                base);
    }

    Map<String, Object> run(String scenario, String base, int conns)
            throws IOException, InterruptedException {
        return run(scenario, base, conns, Map.of());
    }

    /** SCENARIO against BASE with CONNS connections: a warm-up, then the measured run. */
    Map<String, Object> run(String scenario, String base, int conns, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        int t = Math.min(settings.threads(), conns);
        String script = settings.wrkScript(scenario).toString();
        // Warm-up: a short run whose figures are discarded (JIT, pools, caches). Not for refresh:
        // it would spend the seeded refresh tokens, and the measured run would then present
        // spent ones (reuse detection); nor for logout, which spends its sessions. Each phase has
        // its own idempotency keys.
        if (!scenario.equals("refresh") && !scenario.equals("logout")) {
            Commands.exec(
                    env(t, "warm" + conns + extraEnv.hashCode(), extraEnv),
                    "wrk",
                    "-t" + t,
                    "-c" + conns,
                    "-d" + settings.warmup() + "s",
                    "-s",
                    script,
                    base);
        }
        String out =
                Commands.exec(
                        env(t, "run" + conns + extraEnv.hashCode(), extraEnv),
                        "wrk",
                        "-t" + t,
                        "-c" + conns,
                        "-d" + settings.seconds() + "s",
                        "--timeout",
                        "5s",
                        "-s",
                        script,
                        base);
        String line =
                out.lines()
                        .filter(l -> l.startsWith("{\"requests\""))
                        .findFirst()
                        .orElseThrow(
                                () -> new IllegalStateException("wrk printed no figures:\n" + out));
        JsonNode figures = json.readTree(line);
        long requests = figures.path("requests").asLong();
        double duration = figures.path("duration_us").asLong() / 1e6;
        long socketErrors =
                figures.path("connect_errors").asLong()
                        + figures.path("read_errors").asLong()
                        + figures.path("write_errors").asLong()
                        + figures.path("timeouts").asLong();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("target", base);
        r.put("connections", conns);
        r.put("requests", requests);
        r.put("rps", Bench.round(requests / duration));
        r.put("p50_ms", Bench.round(figures.path("p50_us").asLong() / 1000.0));
        r.put("p95_ms", Bench.round(figures.path("p95_us").asLong() / 1000.0));
        r.put("p99_ms", Bench.round(figures.path("p99_us").asLong() / 1000.0));
        r.put("mean_ms", Bench.round(figures.path("mean_us").asLong() / 1000.0));
        r.put("non_2xx", figures.path("non2xx").asLong());
        r.put("socket_errors", socketErrors);
        System.out.printf(
                Locale.ROOT,
                "  %-12s %-28s %8.1f req/s  p99 %7.2f ms  errors %d%n",
                scenario,
                base,
                rate(r),
                (double) r.get("p99_ms"),
                errors(r));
        return r;
    }

    static double rate(Map<String, Object> figures) {
        return (double) figures.get("rps");
    }

    static long errors(Map<String, Object> figures) {
        return (long) figures.get("non_2xx") + (long) figures.get("socket_errors");
    }

    private Map<String, String> env(int threads, String phase, Map<String, String> extraEnv) {
        Map<String, String> env = new LinkedHashMap<>(extraEnv);
        env.put("BENCH_DIR", settings.root().resolve("bench/wrk").toString());
        env.put("BENCH_DATA", data.toString());
        env.put("BENCH_THREADS", Integer.toString(threads));
        env.put("BENCH_PHASE", phase);
        return env;
    }
}
