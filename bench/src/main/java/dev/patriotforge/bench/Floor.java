package dev.patriotforge.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The framework's floor (bench/floor, started by bench/lib/floor.sh): a minimal Quarkus REST +
 * Hibernate ORM + PostgreSQL service. Its GET by primary key under the same wrk settings as the
 * suite, pgbench running its same SELECT, and its memory: the figures every suite figure is also
 * printed against.
 */
final class Floor {
    private final Settings settings;
    private final Wrk wrk;

    Floor(Settings settings, Wrk wrk) {
        this.settings = settings;
        this.wrk = wrk;
    }

    /** Whether bench/run started the floor (FLOOR_URL is set). */
    static boolean running() {
        return !Settings.env("FLOOR_URL", "").isEmpty();
    }

    /**
     * GET one row (warm-up and measured run, as the suite's scenarios), pgbench of its SELECT at
     * the same concurrency, and the floor's RSS idle before the load and at its peak after it.
     */
    Map<String, Object> measure() throws IOException, InterruptedException {
        int connections = settings.connections();
        String url = Settings.env("FLOOR_URL", "");
        // The same kind of warm-up as the suite's: the JIT needs tens of seconds on 2 cores.
        for (int i = 0; i < 3; i++) {
            wrk.warm("floor_get", url, "floor-warm");
        }
        Map<String, Object> get = wrk.run("floor_get", url, connections);
        double tps = pgbench(connections);
        get.put("pgbench_tps", Bench.round(tps));
        get.put("ratio_to_pgbench", Bench.round(Wrk.rate(get) / tps));
        Map<String, Object> floor = new LinkedHashMap<>();
        floor.put("get", get);
        floor.put("idle_rss_kb", Long.parseLong(Settings.env("FLOOR_IDLE_RSS_KB", "-1")));
        floor.put("peak_rss_kb", Memory.peakRssKb(settings.root(), "floor"));
        return floor;
    }

    private double pgbench(int clients) throws IOException, InterruptedException {
        Path script = settings.root().resolve("bench/pgbench/floor_get.sql");
        String out =
                Commands.exec(
                        Map.of("PGPASSWORD", Settings.env("FLOOR_PG_PASSWORD", "")),
                        "pgbench",
                        "-n",
                        "-h",
                        "127.0.0.1",
                        "-p",
                        Settings.env("FLOOR_PG_PORT", ""),
                        "-U",
                        "bench_floor",
                        "-c",
                        Integer.toString(clients),
                        "-j",
                        Integer.toString(settings.threads()),
                        "-T",
                        Integer.toString(settings.seconds()),
                        "-M",
                        "prepared",
                        "-f",
                        script.toString(),
                        "-D",
                        "rows=" + Settings.env("BENCH_FLOOR_ROWS", "10000"),
                        "bench_floor");
        Matcher m = Limits.TPS.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("pgbench printed no tps:\n" + out);
        }
        double tps = Double.parseDouble(m.group(1));
        System.out.printf(Locale.ROOT, "  pgbench      %-28s %8.1f tps%n", "floor_get", tps);
        return tps;
    }
}
