package dev.patriotforge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a run prints (the scenario table, startup and memory, the targets) and writes as JSON. */
final class Report {
    private final ObjectMapper json;
    private final List<String[]> table = new ArrayList<>();

    Report(ObjectMapper json) {
        this.json = json;
    }

    /** A row of the scenario table; LIMIT says how the scenario fares against its limit. */
    void addRow(String name, Map<String, Object> r, String limit) {
        table.add(
                new String[] {
                    name,
                    "%.1f".formatted((double) r.get("rps")),
                    "%.2f".formatted((double) r.get("p50_ms")),
                    "%.2f".formatted((double) r.get("p95_ms")),
                    "%.2f".formatted((double) r.get("p99_ms")),
                    r.get("non_2xx").toString(),
                    r.get("socket_errors").toString(),
                    limit
                });
    }

    void printScenarios() {
        String format = "| %-18s | %9s | %8s | %8s | %8s | %7s | %6s | %-40s |%n";
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                format,
                "scenario",
                "req/s",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "non-2xx",
                "socket",
                "against its limit");
        System.out.printf(
                Locale.ROOT,
                format,
                "-".repeat(18),
                "-".repeat(9),
                "-".repeat(8),
                "-".repeat(8),
                "-".repeat(8),
                "-".repeat(7),
                "-".repeat(6),
                "-".repeat(40));
        for (String[] row : table) {
            System.out.printf(Locale.ROOT, format, (Object[]) row);
        }
    }

    /**
     * Startup to ready and memory per service: plain JVM, AOT cache, peak under the load. STARTUP
     * is bench/run's startup.json: {"SERVICE/jvm|aot": {"ready_ms": .., "idle_rss_kb": ..}}.
     */
    void printStartup(JsonNode startup, Map<String, Long> peakKb) {
        String format = "| %-14s | %-20s | %13s | %12s | %22s |%n";
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                format,
                "service",
                "mode",
                "ready (ms)",
                "idle RSS MB",
                "peak RSS under load MB");
        System.out.printf(
                Locale.ROOT,
                format,
                "-".repeat(14),
                "-".repeat(20),
                "-".repeat(13),
                "-".repeat(12),
                "-".repeat(22));
        for (Map.Entry<String, JsonNode> e : startup.properties()) {
            String service = service(e.getKey());
            boolean jvm = e.getKey().endsWith("/jvm");
            System.out.printf(
                    Locale.ROOT,
                    format,
                    service,
                    mode(e.getKey()),
                    e.getValue().path("ready_ms").asLong() + " (med. 3)",
                    e.getValue().path("idle_rss_kb").asLong() / 1024,
                    jvm ? String.valueOf(peakKb.getOrDefault(service, -1L) / 1024) : "");
        }
    }

    /**
     * The targets of issue 18, each with the figure it is judged on and whether it holds. FLOOR and
     * PEER are the ratios of {@link Comparison} (empty when the floor or the peer did not run).
     */
    Map<String, Object> targets(
            Map<String, Map<String, Object>> scenarios,
            Map<String, Object> getHalf,
            Map<String, Object> floor,
            Map<String, Object> peer) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put(
                "login efficiency >= 0.9",
                verdict((double) scenarios.get("login").get("efficiency"), 0.9, true));
        t.put(
                "get quote / pgbench >= 0.40",
                verdict((double) scenarios.get("get_quote").get("ratio_to_pgbench"), 0.40, true));
        t.put(
                "create quote / pgbench >= 0.35",
                verdict(
                        (double) scenarios.get("create_quote").get("ratio_to_pgbench"),
                        0.35,
                        true));
        t.put(
                "p99 get quote at half load < 10 ms",
                verdict((double) getHalf.get("p99_ms"), 10, false));
        long errors =
                scenarios.values().stream().mapToLong(Wrk::errors).sum() + Wrk.errors(getHalf);
        t.put("unexpected errors == 0", Map.of("value", errors, "holds", errors == 0));
        for (String service : List.of("auth-service", "quote-service")) {
            ratio(t, floor, service + " ready plain ms", "<= 1.15x floor", 1.15, false);
            ratio(t, floor, service + " AOT speed-up", "(plain / AOT) >= 1.6", 1.6, true);
            ratio(t, floor, service + " idle RSS MB", "<= 1.2x floor", 1.2, false);
            ratio(t, floor, service + " peak RSS MB", "<= 1.3x floor", 1.3, false);
        }
        ratio(t, peer, "refresh / refresh grant req/s", ">= 2x Keycloak", 2, true);
        ratio(t, peer, "/me / userinfo req/s", ">= 2x Keycloak", 2, true);
        System.out.println("\ntargets:");
        t.forEach(
                (name, v) ->
                        System.out.printf(
                                Locale.ROOT,
                                "  %-52s %10s  %s%n",
                                name,
                                ((Map<?, ?>) v).get("value"),
                                Boolean.TRUE.equals(((Map<?, ?>) v).get("holds"))
                                        ? "holds"
                                        : "MISSED"));
        return t;
    }

    /** A target on the figure NAME of RATIOS, when it was measured. */
    private static void ratio(
            Map<String, Object> t,
            Map<String, Object> ratios,
            String name,
            String bound,
            double limit,
            boolean atLeast) {
        Object value = ratios.get(name);
        if (value instanceof Double d && d > 0) {
            t.put(name + " " + bound, verdict(d, limit, atLeast));
        }
    }

    /** Writes RESULTS as bench/results/bench-TIMESTAMP.json. */
    void writeJson(Path root, Map<String, Object> results) throws IOException {
        Path dir = Files.createDirectories(root.resolve("bench/results"));
        Path file = dir.resolve("bench-" + Instant.now().toString().replace(':', '-') + ".json");
        Files.writeString(file, json.writeValueAsString(results) + "\n");
        System.out.println("\nfigures written to " + root.relativize(file));
    }

    private static String mode(String startupKey) {
        if (startupKey.endsWith("/jvm")) {
            return "plain JVM (fast-jar)";
        }
        return startupKey.endsWith("/aot-build") ? "AOT cache from build" : "AOT cache trained";
    }

    private static String service(String startupKey) {
        return startupKey.substring(0, startupKey.indexOf('/'));
    }

    private static Map<String, Object> verdict(double value, double bound, boolean atLeast) {
        return Map.of(
                "value", Bench.round(value), "holds", atLeast ? value >= bound : value < bound);
    }
}
