package dev.patriotforge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The suite benchmark behind {@code ./forge bench}. It expects the suite to be up (bench/run starts
 * it), seeds accounts and quotes through the gateway, drives each scenario with wrk, and measures
 * in the same run the limits each scenario is judged against: Argon2id hashes per second on this
 * JDK with the service's parameters (login), pgbench running the service's own SQL at the same
 * concurrency (GET and create quote), and the services called directly (gateway cost). It prints
 * one table and writes the figures as JSON under bench/results/.
 *
 * <p>bench/run compiles it ({@code ./mvnw -pl bench}) and runs it with the repository as its
 * argument.
 */
public final class Bench {
    private final ObjectMapper json = new ObjectMapper();
    private final Settings settings;
    private final Map<String, Object> results = new LinkedHashMap<>();

    private Bench(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        if (Settings.env("BENCH_ONLY", "").equals("signatures")) {
            // The signing algorithms alone (no suite needed): java -jar bench/target/bench-*.jar
            Signatures.measure(Double.parseDouble(Settings.env("BENCH_SIGNATURE_SECONDS", "10")));
            return;
        }
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath();
        new Bench(Settings.fromEnvironment(root)).run();
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private void run() throws Exception {
        int connections = settings.connections();
        results.put("started_at", Instant.now().toString());
        results.put(
                "machine",
                Map.of(
                        "cores", Runtime.getRuntime().availableProcessors(),
                        "java", System.getProperty("java.version")));
        results.put("settings", Map.of("seconds", settings.seconds(), "connections", connections));

        Seeder seeder = new Seeder(new Api(json, settings.gateway()), settings);
        Seed seed = seeder.seed();
        Path data = seeder.writeLuaData(seed);
        if (!Settings.env("BENCH_SEED_ONLY", "").isEmpty()) {
            // For profiling one scenario by hand: wrk -s bench/wrk/<scenario>.lua with this data.
            System.out.println("seeded; BENCH_DATA=" + data);
            return;
        }
        Wrk wrk = new Wrk(json, settings, data);
        Limits limits = new Limits(settings);
        Report report = new Report(json);
        String gateway = settings.gateway();

        // Warm the suite: on 2 cores the JIT takes tens of seconds under load to compile the
        // request paths; each scenario below also has its own warm-up (BENCH_WARMUP_SECONDS).
        System.out.println("warming the suite (" + 5 * settings.warmup() + " s)");
        for (String scenario :
                List.of("get_quote", "list_quotes", "create_quote", "lifecycle", "get_quote")) {
            wrk.warm(scenario, gateway, "suite-warm");
        }

        // Login against the hash-bound limit.
        Limits.Argon2 argon2 = limits.argon2();
        results.put("argon2id", argon2.figures());
        double hashesPerSecond = argon2.hashesPerSecond();
        Map<String, Object> login = wrk.run("login", gateway, connections);
        double loginEfficiency = Wrk.rate(login) / hashesPerSecond;
        login.put("limit_hashes_per_s", round(hashesPerSecond));
        login.put("efficiency", round(loginEfficiency));
        report.addRow(
                "login",
                login,
                "hash limit %.0f/s -> %.2f".formatted(hashesPerSecond, loginEfficiency));

        Map<String, Object> refresh = wrk.run("refresh", gateway, connections);
        report.addRow("refresh", refresh, "");
        Map<String, Object> me = wrk.run("me", gateway, connections);
        report.addRow("me", me, "");

        // GET quote: gateway, direct, and pgbench on the same SQL at the same concurrency.
        // Direct first: GET is the path the JIT needs longest to compile; both runs then see it
        // compiled about as far (each has its warm-up), and the gateway's cost is not overstated.
        Map<String, Object> getDirect = wrk.run("get_quote", settings.quoteDirect(), connections);
        Map<String, Object> get = wrk.run("get_quote", gateway, connections);
        double pgGet = limits.pgbench("get_quote", seed, connections);
        get.put("direct_rps", getDirect.get("rps"));
        get.put("gateway_cost", round(1 - Wrk.rate(get) / Wrk.rate(getDirect)));
        get.put("pgbench_tps", round(pgGet));
        get.put("ratio_to_pgbench", round(Wrk.rate(get) / pgGet));
        report.addRow(
                "get quote",
                get,
                "pgbench %.0f/s -> %.2f; direct %.0f/s"
                        .formatted(pgGet, Wrk.rate(get) / pgGet, Wrk.rate(getDirect)));

        // p99 at half of the peak throughput: every connection waits between requests so that
        // together they send about half the peak rate; the achieved rate is reported beside it.
        long delayMs = Math.max(1, Math.round(1000.0 * connections / (Wrk.rate(get) / 2)));
        Map<String, Object> getHalf =
                wrk.run(
                        "get_quote",
                        gateway,
                        connections,
                        Map.of("BENCH_DELAY_MS", Long.toString(delayMs)));
        get.put("half_load", Map.of("rps", getHalf.get("rps"), "p99_ms", getHalf.get("p99_ms")));
        report.addRow(
                "get quote @half",
                getHalf,
                "%.0f%% of peak, p99 target < 10 ms"
                        .formatted(100 * Wrk.rate(getHalf) / Wrk.rate(get)));

        Map<String, Object> list = wrk.run("list_quotes", gateway, connections);
        report.addRow("list quotes", list, "");

        Map<String, Object> create = wrk.run("create_quote", gateway, connections);
        double pgCreate = limits.pgbench("create_quote", seed, connections);
        create.put("pgbench_tps", round(pgCreate));
        create.put("ratio_to_pgbench", round(Wrk.rate(create) / pgCreate));
        report.addRow(
                "create quote",
                create,
                "pgbench %.0f/s -> %.2f".formatted(pgCreate, Wrk.rate(create) / pgCreate));

        Map<String, Object> lifecycle = wrk.run("lifecycle", gateway, settings.threads());
        lifecycle.put("lifecycles_per_s", round(Wrk.rate(lifecycle) / 4));
        report.addRow(
                "lifecycle (4 req)",
                lifecycle,
                "%.1f lifecycles/s".formatted(Wrk.rate(lifecycle) / 4));

        // Logout spends a fresh session per request (made here by logging in, hash-bound).
        int sessions = Integer.parseInt(Settings.env("BENCH_LOGOUT_SESSIONS", "400"));
        Path logoutData = seeder.logoutSessions(seed, sessions);
        Map<String, Object> logout =
                wrk.run(
                        "logout",
                        gateway,
                        connections,
                        Map.of("BENCH_LOGOUT_DATA", logoutData.toString()));
        // The sessions run out before the run's time does, and wrk divides by the whole time: the
        // rate while they lasted is the connections over the mean latency (Little's law).
        double meanMs = (double) logout.get("mean_ms");
        if (meanMs > 0) {
            logout.put("rps_requests_over_run", logout.get("rps"));
            logout.put("rps", round(connections * 1000.0 / meanMs));
        }
        report.addRow(
                "logout",
                logout,
                "%d sessions, one each; req/s = connections / mean latency".formatted(sessions));

        Map<String, Map<String, Object>> scenarios = new LinkedHashMap<>();
        scenarios.put("login", login);
        scenarios.put("refresh", refresh);
        scenarios.put("me", me);
        scenarios.put("get_quote", get);
        scenarios.put("get_quote_direct", getDirect);
        scenarios.put("list_quotes", list);
        scenarios.put("create_quote", create);
        scenarios.put("lifecycle", lifecycle);
        scenarios.put("logout", logout);
        results.put("scenarios", scenarios);
        Map<String, Long> peakKb = new LinkedHashMap<>();
        for (String service : List.of("auth-service", "quote-service")) {
            peakKb.put(service, Memory.peakRssKb(settings.root(), service));
        }
        results.put("memory_under_load_kb", peakKb);
        Path startupFile = settings.work().resolve("startup.json");
        JsonNode startup =
                Files.exists(startupFile)
                        ? json.readTree(startupFile.toFile())
                        : JsonNodeFactory.instance.objectNode();
        if (Files.exists(startupFile)) {
            results.put("startup", startup);
        }
        Map<String, Object> floor = Floor.running() ? new Floor(settings, wrk).measure() : null;
        Map<String, Object> peer = Peer.running() ? new Peer(json, settings, wrk).measure() : null;
        results.put("signatures", Signatures.measure(4));
        report.printScenarios();
        report.printStartup(startup, peakKb);
        Comparison comparison = new Comparison(scenarios, startup, peakKb);
        Map<String, Object> floorRatios = Map.of();
        if (floor != null) {
            results.put("floor", floor);
            floorRatios = comparison.againstFloor(floor);
            results.put("ratios_to_floor", floorRatios);
        }
        Map<String, Object> peerRatios = Map.of();
        if (peer != null) {
            results.put("peer_keycloak", peer);
            peerRatios = comparison.againstPeer(peer);
            results.put("ratios_to_keycloak", peerRatios);
        }
        results.put("targets", report.targets(scenarios, getHalf, floorRatios, peerRatios));
        report.writeJson(settings.root(), results);
    }
}
