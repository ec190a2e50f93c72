package dev.patriotforge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The suite beside the framework's floor and (BENCH_PEER) Keycloak, from one run: each suite figure
 * with the floor's and their ratio, the peer's figures next to ours, and the targets of issue 18
 * that are ratios.
 */
final class Comparison {
    private final Map<String, Map<String, Object>> scenarios;
    private final JsonNode startup;
    private final Map<String, Long> peakKb;
    private final List<String[]> rows = new ArrayList<>();

    Comparison(
            Map<String, Map<String, Object>> scenarios,
            JsonNode startup,
            Map<String, Long> peakKb) {
        this.scenarios = scenarios;
        this.startup = startup;
        this.peakKb = peakKb;
    }

    /** Prints the suite against the floor; returns the ratios by name. */
    Map<String, Object> againstFloor(Map<String, Object> floor) {
        Map<String, Object> ratios = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> floorGet = (Map<String, Object>) floor.get("get");
        double floorRps = Wrk.rate(floorGet);
        // The floor has one endpoint, a GET by primary key: only our GETs compare with it.
        row(ratios, "get quote req/s (gateway)", rate("get_quote"), floorRps);
        row(ratios, "get quote req/s (direct)", rate("get_quote_direct"), floorRps);
        row(
                ratios,
                "get quote / its pgbench",
                (double) scenarios.get("get_quote").get("ratio_to_pgbench"),
                (double) floorGet.get("ratio_to_pgbench"));
        row(
                ratios,
                "get quote p99 ms",
                (double) scenarios.get("get_quote").get("p99_ms"),
                (double) floorGet.get("p99_ms"));
        for (String service : List.of("auth-service", "quote-service")) {
            double plain = startup.path(service + "/jvm").path("ready_ms").asDouble(-1);
            double aot = startup.path(service + "/aot").path("ready_ms").asDouble(-1);
            double floorPlain = startup.path("floor/jvm").path("ready_ms").asDouble(-1);
            double floorAot = startup.path("floor/aot").path("ready_ms").asDouble(-1);
            row(ratios, service + " ready plain ms", plain, floorPlain);
            row(ratios, service + " ready AOT ms", aot, floorAot);
            row(
                    ratios,
                    service + " AOT speed-up (x)",
                    aot > 0 ? plain / aot : -1,
                    floorAot > 0 ? floorPlain / floorAot : -1);
            if (plain > 0 && aot > 0) {
                ratios.put(service + " AOT speed-up", Bench.round(plain / aot));
            }
            row(
                    ratios,
                    service + " idle RSS MB",
                    startup.path(service + "/jvm").path("idle_rss_kb").asDouble(-1) / 1024,
                    startup.path("floor/jvm").path("idle_rss_kb").asDouble(-1) / 1024);
            row(
                    ratios,
                    service + " peak RSS MB",
                    peakKb.getOrDefault(service, -1L) / 1024.0,
                    ((Number) floor.get("peak_rss_kb")).doubleValue() / 1024);
        }
        print("figure", "suite", "floor", "suite / floor");
        return ratios;
    }

    /** Prints our login, refresh and /me next to Keycloak's grants; returns the ratios. */
    Map<String, Object> againstPeer(Map<String, Object> peer) {
        rows.clear();
        Map<String, Object> ratios = new LinkedHashMap<>();
        row(
                ratios,
                "login / password grant req/s",
                rate("login"),
                peerRate(peer, "password_grant"));
        row(
                ratios,
                "refresh / refresh grant req/s",
                rate("refresh"),
                peerRate(peer, "refresh_grant"));
        row(ratios, "/me / userinfo req/s", rate("me"), peerRate(peer, "userinfo"));
        row(
                ratios,
                "auth-service / Keycloak ready ms",
                startup.path("auth-service/jvm").path("ready_ms").asDouble(-1),
                ((Number) peer.get("ready_ms")).doubleValue());
        row(
                ratios,
                "auth-service / Keycloak idle RSS MB",
                startup.path("auth-service/jvm").path("idle_rss_kb").asDouble(-1) / 1024,
                ((Number) peer.get("idle_rss_kb")).doubleValue() / 1024);
        row(
                ratios,
                "auth-service / Keycloak peak RSS MB",
                peakKb.getOrDefault("auth-service", -1L) / 1024.0,
                ((Number) peer.get("peak_rss_kb")).doubleValue() / 1024);
        print("figure", "ours", "Keycloak", "ours / Keycloak");
        return ratios;
    }

    private double rate(String scenario) {
        return Wrk.rate(scenarios.get(scenario));
    }

    @SuppressWarnings("unchecked")
    private static double peerRate(Map<String, Object> peer, String scenario) {
        return Wrk.rate((Map<String, Object>) peer.get(scenario));
    }

    /** A row and its ratio; figures not measured in this run (zero or negative) are left out. */
    private void row(Map<String, Object> ratios, String name, double ours, double theirs) {
        if (!(ours > 0) || !(theirs > 0)) {
            return;
        }
        double ratio = ours / theirs;
        ratios.put(name, Bench.round(ratio));
        rows.add(
                new String[] {
                    name, "%.2f".formatted(ours), "%.2f".formatted(theirs), "%.2f".formatted(ratio)
                });
    }

    private void print(String... header) {
        String format = "| %-36s | %10s | %10s | %15s |%n";
        System.out.println();
        System.out.printf(Locale.ROOT, format, (Object[]) header);
        System.out.printf(
                Locale.ROOT,
                format,
                "-".repeat(36),
                "-".repeat(10),
                "-".repeat(10),
                "-".repeat(15));
        for (String[] r : rows) {
            System.out.printf(Locale.ROOT, format, (Object[]) r);
        }
        rows.clear();
    }
}
