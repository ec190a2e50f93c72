import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The suite benchmark behind {@code ./forge bench}. It expects the suite to be up (bench/run
 * starts it), seeds accounts and quotes through the gateway, drives each scenario with wrk, and
 * measures in the same run the limits each scenario is judged against: Argon2id hashes per second
 * on this JDK with the service's parameters (login), pgbench running the service's own SQL at the
 * same concurrency (GET and create quote), and the services called directly (gateway cost). It
 * prints one table and writes the figures as JSON under bench/results/.
 *
 * <p>Run as a source-file program: {@code java -cp bcprov.jar bench/Bench.java}.
 */
public final class Bench {
    private static final Pattern STRING_FIELD = Pattern.compile("\"%s\"\\s*:\\s*\"([^\"]*)\"");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path root;
    private final Path work;
    private final String gateway;
    private final String authDirect;
    private final String quoteDirect;
    private final int seconds;
    private final int warmup;
    private final int connections;
    private final int threads;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<String[]> table = new ArrayList<>();

    private Bench(Path root) throws IOException {
        this.root = root;
        this.work = Files.createDirectories(root.resolve(".forge/bench"));
        this.gateway = env("FORGE_GATEWAY_URL", "http://127.0.0.1:8080");
        this.authDirect = "http://127.0.0.1:" + env("FORGE_AUTH_PORT", "8081");
        this.quoteDirect = "http://127.0.0.1:" + env("FORGE_QUOTE_PORT", "8082");
        this.seconds = Integer.parseInt(env("BENCH_SECONDS", "15"));
        this.connections = Integer.parseInt(env("BENCH_CONNECTIONS", "16"));
        this.warmup = Integer.parseInt(env("BENCH_WARMUP_SECONDS", "10"));
        this.threads = 2;
    }

    public static void main(String[] args) throws Exception {
        Bench bench = new Bench(Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath());
        bench.run();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    // --- the run -----------------------------------------------------------------------------

    private void run() throws Exception {
        results.put("started_at", Instant.now().toString());
        results.put("machine", Map.of(
                "cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version")));
        results.put("settings", Map.of("seconds", seconds, "connections", connections));

        Seed seed = seed();
        Path data = writeLuaData(seed);
        if (!env("BENCH_SEED_ONLY", "").isEmpty()) {
            // For profiling one scenario by hand: wrk -s bench/wrk/<scenario>.lua with this data.
            System.out.println("seeded; BENCH_DATA=" + data);
            return;
        }

        // Warm the suite: on 2 cores the JIT takes tens of seconds under load to compile the
        // request paths; each scenario below also has its own warm-up (BENCH_WARMUP_SECONDS).
        System.out.println("warming the suite (" + 5 * warmup + " s)");
        for (String scenario :
                List.of("get_quote", "list_quotes", "create_quote", "lifecycle", "get_quote")) {
            Map<String, String> env = Map.of(
                    "BENCH_DIR", root.resolve("bench/wrk").toString(),
                    "BENCH_DATA", data.toString(),
                    "BENCH_THREADS", Integer.toString(threads),
                    "BENCH_PHASE", "suite-warm");
            exec(env, "wrk", "-t" + threads, "-c" + connections, "-d" + warmup + "s", "-s",
                    root.resolve("bench/wrk/" + scenario + ".lua").toString(), gateway);
        }

        // Login against the hash-bound limit.
        double hashesPerSecond = argon2HashesPerSecond();
        Map<String, Object> login = wrk("login", gateway, data, connections);
        double loginEfficiency = rate(login) / hashesPerSecond;
        login.put("limit_hashes_per_s", round(hashesPerSecond));
        login.put("efficiency", round(loginEfficiency));
        addRow("login", login, "hash limit %.0f/s -> %.2f".formatted(hashesPerSecond, loginEfficiency));

        Map<String, Object> refresh = wrk("refresh", gateway, data, connections);
        addRow("refresh", refresh, "");

        // GET quote: gateway, direct, and pgbench on the same SQL at the same concurrency.
        // Direct first: GET is the path the JIT needs longest to compile; both runs then see it
        // compiled about as far (each has its warm-up), and the gateway's cost is not overstated.
        Map<String, Object> getDirect = wrk("get_quote", quoteDirect, data, connections);
        Map<String, Object> get = wrk("get_quote", gateway, data, connections);
        double pgGet = pgbench("get_quote", seed, connections);
        get.put("direct_rps", getDirect.get("rps"));
        get.put("gateway_cost", round(1 - rate(get) / rate(getDirect)));
        get.put("pgbench_tps", round(pgGet));
        get.put("ratio_to_pgbench", round(rate(get) / pgGet));
        addRow("get quote", get, "pgbench %.0f/s -> %.2f; direct %.0f/s".formatted(
                pgGet, rate(get) / pgGet, rate(getDirect)));

        // p99 at half of the peak throughput: every connection waits between requests so that
        // together they send about half the peak rate; the achieved rate is reported beside it.
        long delayMs = Math.max(1, Math.round(1000.0 * connections / (rate(get) / 2)));
        Map<String, Object> getHalf =
                wrk("get_quote", gateway, data, connections, Map.of("BENCH_DELAY_MS", "" + delayMs));
        get.put("half_load", Map.of("rps", getHalf.get("rps"), "p99_ms", getHalf.get("p99_ms")));
        addRow("get quote @half", getHalf,
                "%.0f%% of peak, p99 target < 25 ms".formatted(100 * rate(getHalf) / rate(get)));

        Map<String, Object> list = wrk("list_quotes", gateway, data, connections);
        addRow("list quotes", list, "");

        Map<String, Object> create = wrk("create_quote", gateway, data, connections);
        double pgCreate = pgbench("create_quote", seed, connections);
        create.put("pgbench_tps", round(pgCreate));
        create.put("ratio_to_pgbench", round(rate(create) / pgCreate));
        addRow("create quote", create, "pgbench %.0f/s -> %.2f".formatted(pgCreate, rate(create) / pgCreate));

        Map<String, Object> lifecycle = wrk("lifecycle", gateway, data, threads);
        lifecycle.put("lifecycles_per_s", round(rate(lifecycle) / 4));
        addRow("lifecycle (4 req)", lifecycle, "%.1f lifecycles/s".formatted(rate(lifecycle) / 4));

        results.put("scenarios", Map.of(
                "login", login, "refresh", refresh, "get_quote", get, "get_quote_direct", getDirect,
                "list_quotes", list, "create_quote", create, "lifecycle", lifecycle));
        results.put("memory_under_load_kb", Map.of(
                "auth-service", rssKb("auth-service"), "quote-service", rssKb("quote-service")));
        Path startup = work.resolve("startup.json");
        if (Files.exists(startup)) {
            results.put("startup", new RawJson(Files.readString(startup).trim()));
        }
        print();
        String startupJson = Files.exists(startup) ? Files.readString(startup) : "";
        printStartup(startupJson);
        Map<String, Object> targets = targets(login, get, getHalf, create, startupJson,
                List.of(login, refresh, get, getDirect, getHalf, list, create, lifecycle));
        results.put("targets", targets);
        writeJson();
    }

    private static final Pattern STARTUP = Pattern.compile(
            "\"([a-z-]+)/(jvm|aot)\":\\{\"ready_ms\":(\\d+),\"ready_ms_runs\":\\[[^\\]]*\\],"
                    + "\"idle_rss_kb\":(\\d+)\\}");

    /** Startup to ready and memory per service: plain JVM, AOT cache, peak under the load. */
    private void printStartup(String startupJson) {
        String format = "| %-14s | %-19s | %13s | %12s | %22s |%n";
        System.out.println();
        System.out.printf(Locale.ROOT, format, "service", "mode", "ready (ms)", "idle RSS MB",
                "peak RSS under load MB");
        System.out.printf(Locale.ROOT, format, "-".repeat(14), "-".repeat(19), "-".repeat(13),
                "-".repeat(12), "-".repeat(22));
        @SuppressWarnings("unchecked")
        Map<String, Long> peak = (Map<String, Long>) results.get("memory_under_load_kb");
        Matcher m = STARTUP.matcher(startupJson);
        while (m.find()) {
            String service = m.group(1);
            boolean jvm = m.group(2).equals("jvm");
            System.out.printf(Locale.ROOT, format, service,
                    jvm ? "plain JVM (fast-jar)" : "AOT cache (aot-jar)", m.group(3) + " (med. 3)",
                    Long.parseLong(m.group(4)) / 1024,
                    jvm ? String.valueOf(peak.getOrDefault(service, -1L) / 1024) : "");
        }
    }

    /** The first targets, each with the figure it is judged on and whether it holds. */
    private Map<String, Object> targets(Map<String, Object> login, Map<String, Object> get,
            Map<String, Object> getHalf, Map<String, Object> create, String startupJson,
            List<Map<String, Object>> all) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("login efficiency >= 0.85", verdict((double) login.get("efficiency"), 0.85, true));
        t.put("get quote / pgbench >= 0.30",
                verdict((double) get.get("ratio_to_pgbench"), 0.30, true));
        t.put("create quote / pgbench >= 0.30",
                verdict((double) create.get("ratio_to_pgbench"), 0.30, true));
        t.put("p99 get quote at half load < 25 ms",
                verdict((double) getHalf.get("p99_ms"), 25, false));
        long errors = all.stream()
                .mapToLong(r -> (long) r.get("non_2xx") + (long) r.get("socket_errors")).sum();
        t.put("unexpected errors == 0", Map.of("value", errors, "holds", errors == 0));
        Matcher m = STARTUP.matcher(startupJson);
        while (m.find()) {
            boolean jvm = m.group(2).equals("jvm");
            t.put(m.group(1) + " ready " + (jvm ? "plain JVM < 1500 ms" : "AOT cache < 600 ms"),
                    verdict(Double.parseDouble(m.group(3)), jvm ? 1500 : 600, false));
        }
        @SuppressWarnings("unchecked")
        Map<String, Long> peak = (Map<String, Long>) results.get("memory_under_load_kb");
        peak.forEach((service, kb) -> t.put(service + " RSS under load < 300 MB",
                verdict(kb / 1024.0, 300, false)));
        System.out.println("\ntargets:");
        t.forEach((name, v) -> System.out.printf(Locale.ROOT, "  %-44s %10s  %s%n", name,
                ((Map<?, ?>) v).get("value"),
                Boolean.TRUE.equals(((Map<?, ?>) v).get("holds")) ? "holds" : "MISSED"));
        return t;
    }

    private static Map<String, Object> verdict(double value, double bound, boolean atLeast) {
        return Map.of("value", round(value), "holds", atLeast ? value >= bound : value < bound);
    }

    // --- seeding through the gateway ----------------------------------------------------------

    record Account(String id, String email, String access, String refresh) {}

    record Seed(String password, List<Account> customers, List<String> refreshTokens,
            String staffToken, List<String> quoteIds, List<String> quoteTokens, String runId) {}

    private Seed seed() throws Exception {
        String runId = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        String password = "Bench-" + runId + "-correct-horse-battery";
        String adminEmail = env("FORGE_BOOTSTRAP_ADMIN_EMAIL", "");
        String adminPassword = env("FORGE_BOOTSTRAP_ADMIN_PASSWORD", "");
        if (adminEmail.isEmpty() || adminPassword.isEmpty()) {
            throw new IllegalStateException("bench needs FORGE_BOOTSTRAP_ADMIN_EMAIL/PASSWORD");
        }
        System.out.println("seeding accounts and quotes through " + gateway);
        String adminToken = field(post("/api/auth/login", null,
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(adminEmail, adminPassword)),
                "access_token");

        List<Account> customers = new ArrayList<>();
        List<String> refreshTokens = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Account>> futures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String email = "bench-%s-%02d@bench.patriotforge.dev".formatted(runId, i);
            futures.add(pool.submit(() -> register(email, password)));
        }
        for (Future<Account> f : futures) {
            customers.add(f.get());
        }
        // Extra sessions give the refresh scenario a queue of live refresh tokens per thread.
        List<Future<String>> refreshes = new ArrayList<>();
        for (Account a : customers) {
            for (int k = 0; k < 2; k++) {
                refreshes.add(pool.submit(() -> field(post("/api/auth/login", null,
                        "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(a.email(), password)),
                        "refresh_token")));
            }
        }
        for (Future<String> f : refreshes) {
            refreshTokens.add(f.get());
        }

        Account staff = register("bench-%s-staff@bench.patriotforge.dev".formatted(runId), password);
        send("PATCH", "/api/auth/users/" + staff.id(), adminToken, "{\"role\":\"staff\"}", 200);
        String staffToken = field(post("/api/auth/login", null,
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(staff.email(), password)),
                "access_token");

        List<String> quoteIds = new ArrayList<>();
        List<String> quoteTokens = new ArrayList<>();
        List<Future<String>> quotes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Account owner = customers.get(i % customers.size());
            quotes.add(pool.submit(() -> field(send("POST", "/api/quotes", owner.access(),
                    "{\"title\":\"Seed quote\",\"items\":[{\"description\":\"Bolt\",\"quantity\":3}]}",
                    201), "id")));
            quoteTokens.add(owner.access());
        }
        for (Future<String> f : quotes) {
            quoteIds.add(f.get());
        }
        pool.shutdown();
        return new Seed(password, customers, refreshTokens, staffToken, quoteIds, quoteTokens, runId);
    }

    private Account register(String email, String password) throws Exception {
        String user = send("POST", "/api/auth/register", null,
                "{\"email\":\"%s\",\"password\":\"%s\",\"display_name\":\"Bench\"}"
                        .formatted(email, password), 201);
        String tokens = post("/api/auth/login", null,
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password));
        return new Account(field(user, "id"), email, field(tokens, "access_token"),
                field(tokens, "refresh_token"));
    }

    private String post(String path, String token, String body) throws Exception {
        return send("POST", path, token, body, 200);
    }

    private String send(String method, String path, String token, String body, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("%s %s answered %d: %s".formatted(
                    method, path, response.statusCode(), response.body()));
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile(STRING_FIELD.pattern().formatted(Pattern.quote(name))).matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private Path writeLuaData(Seed seed) throws IOException {
        Path data = work.resolve("data.lua");
        String lua = """
                PASSWORD = "%s"
                EMAILS = "%s"
                REFRESH_TOKENS = "%s"
                CUSTOMER_TOKENS = "%s"
                STAFF_TOKEN = "%s"
                QUOTE_IDS = "%s"
                QUOTE_TOKENS = "%s"
                RUN_ID = "%s"
                VALID_UNTIL = "%s"
                """.formatted(
                seed.password(),
                String.join(",", seed.customers().stream().map(Account::email).toList()),
                String.join(",", seed.refreshTokens()),
                String.join(",", seed.customers().stream().map(Account::access).toList()),
                seed.staffToken(),
                String.join(",", seed.quoteIds()),
                String.join(",", seed.quoteTokens()),
                seed.runId(),
                Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        Files.writeString(data, lua);
        return data;
    }

    // --- load ---------------------------------------------------------------------------------

    private Map<String, Object> wrk(String scenario, String base, Path data, int conns)
            throws Exception {
        return wrk(scenario, base, data, conns, Map.of());
    }

    private Map<String, Object> wrk(
            String scenario, String base, Path data, int conns, Map<String, String> extraEnv)
            throws Exception {
        int t = Math.min(threads, conns);
        Path script = root.resolve("bench/wrk/" + scenario + ".lua");
        Map<String, String> env = new LinkedHashMap<>(extraEnv);
        env.put("BENCH_DIR", root.resolve("bench/wrk").toString());
        env.put("BENCH_DATA", data.toString());
        env.put("BENCH_THREADS", Integer.toString(t));
        // Warm-up: a short run whose figures are discarded (JIT, pools, caches). Not for refresh:
        // it would spend the seeded refresh tokens, and the measured run would then present
        // spent ones (reuse detection). Each phase has its own idempotency keys.
        if (!scenario.equals("refresh")) {
            env.put("BENCH_PHASE", "warm" + conns + extraEnv.hashCode());
            exec(env, "wrk", "-t" + t, "-c" + conns, "-d" + warmup + "s", "-s", script.toString(),
                    base);
        }
        env.put("BENCH_PHASE", "run" + conns + extraEnv.hashCode());
        String out = exec(env, "wrk", "-t" + t, "-c" + conns, "-d" + seconds + "s", "--timeout", "5s",
                "-s", script.toString(), base);
        String line = out.lines().filter(l -> l.startsWith("{\"requests\"")).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no figures:\n" + out));
        Map<String, Object> r = new LinkedHashMap<>();
        long requests = num(line, "requests");
        double duration = num(line, "duration_us") / 1e6;
        r.put("target", base);
        r.put("connections", conns);
        r.put("requests", requests);
        r.put("rps", round(requests / duration));
        r.put("p50_ms", round(num(line, "p50_us") / 1000.0));
        r.put("p95_ms", round(num(line, "p95_us") / 1000.0));
        r.put("p99_ms", round(num(line, "p99_us") / 1000.0));
        r.put("non_2xx", num(line, "non2xx"));
        r.put("socket_errors", num(line, "connect_errors") + num(line, "read_errors")
                + num(line, "write_errors") + num(line, "timeouts"));
        System.out.printf(Locale.ROOT, "  %-12s %-28s %8.1f req/s  p99 %7.2f ms  errors %d%n",
                scenario, base, (double) r.get("rps"), (double) r.get("p99_ms"),
                (long) r.get("non_2xx") + (long) r.get("socket_errors"));
        return r;
    }

    private static long num(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static double rate(Map<String, Object> r) {
        return (double) r.get("rps");
    }

    // --- limits -------------------------------------------------------------------------------

    /**
     * Argon2id with the service's parameters, one hash per thread on every core at once, for a
     * few seconds: the most logins per second this machine could ever verify.
     */
    private double argon2HashesPerSecond() throws Exception {
        int memoryKib = Integer.parseInt(env("BENCH_ARGON2_MEMORY_KIB", "19456"));
        int iterations = Integer.parseInt(env("BENCH_ARGON2_ITERATIONS", "2"));
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (int i = 0; i < cores; i++) {
            pool.submit(() -> hashUntil(deadline, memoryKib, iterations));
        }
        long start = System.nanoTime();
        long measuredUntil = start + TimeUnit.SECONDS.toNanos(6);
        List<Future<Long>> counts = new ArrayList<>();
        for (int i = 0; i < cores; i++) {
            counts.add(pool.submit(() -> hashUntil(measuredUntil, memoryKib, iterations)));
        }
        long total = 0;
        for (Future<Long> c : counts) {
            total += c.get();
        }
        pool.shutdown();
        double perSecond = total / ((System.nanoTime() - start) / 1e9);
        results.put("argon2id", Map.of("memory_kib", memoryKib, "iterations", iterations,
                "parallelism", 1, "threads", cores, "hashes_per_s", round(perSecond)));
        System.out.printf(Locale.ROOT, "  argon2id     m=%d t=%d p=1 on %d threads: %.1f hashes/s%n",
                memoryKib, iterations, cores, perSecond);
        return perSecond;
    }

    private static long hashUntil(long deadline, int memoryKib, int iterations) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        long n = 0;
        // The memory blocks are reused from hash to hash, as auth-service's PasswordHasher does,
        // so that the limit is the hash alone and not the garbage collector.
        Argon2BytesGenerator.BlockPool blocks =
                new Argon2BytesGenerator.FixedBlockPool(Argon2BytesGenerator.getBlockCount(memoryKib, 1));
        while (System.nanoTime() < deadline) {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withSalt(salt).withMemoryAsKB(memoryKib).withIterations(iterations)
                    .withParallelism(1).withBlockPool(blocks).build());
            byte[] out = new byte[32];
            generator.generateBytes("bench password".getBytes(StandardCharsets.UTF_8), out);
            n++;
        }
        return n;
    }

    /** pgbench running bench/pgbench/NAME.sql (the service's own SQL) at the same concurrency. */
    private double pgbench(String name, Seed seed, int clients) throws Exception {
        Properties servers = load(root.resolve(".forge/run/servers.env"));
        Properties secrets = load(root.resolve(".forge/data/secrets.env"));
        String script = Files.readString(root.resolve("bench/pgbench/" + name + ".sql"));
        Path prepared = work.resolve(name + ".sql");
        Files.writeString(prepared, script);
        Map<String, String> env = Map.of(
                "PGPASSWORD", secrets.getProperty("QUOTE_DB_PASSWORD"),
                "PGOPTIONS", "-c search_path=quote");
        // The seeded quote ids, numbered, so that pgbench can pick one at random as wrk does.
        StringBuilder ids = new StringBuilder(
                "DROP TABLE IF EXISTS bench_ids; CREATE TABLE bench_ids (n int PRIMARY KEY, id uuid);"
                        + " INSERT INTO bench_ids VALUES ");
        for (int i = 0; i < seed.quoteIds().size(); i++) {
            ids.append(i == 0 ? "" : ",").append("(%d,'%s')".formatted(i + 1, seed.quoteIds().get(i)));
        }
        // The table is made by the migration role (forge_quote has DML only); its default
        // privileges let forge_quote, which pgbench runs as, read it.
        Map<String, String> ddlEnv = Map.of(
                "PGPASSWORD", secrets.getProperty("QUOTE_DB_MIGRATION_PASSWORD"),
                "PGOPTIONS", "-c search_path=quote");
        exec(ddlEnv, "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p",
                servers.getProperty("PG_PORT"), "-U", "forge_quote_migrator", "-d", "forge", "-c",
                ids + "; ANALYZE bench_ids;");
        List<String> command = new ArrayList<>(List.of("pgbench", "-n", "-h", "127.0.0.1",
                "-p", servers.getProperty("PG_PORT"), "-U", "forge_quote", "-c",
                Integer.toString(clients), "-j", Integer.toString(threads), "-T",
                Integer.toString(seconds), "-M", "prepared", "-f", prepared.toString(),
                "-D", "quote_count=" + seed.quoteIds().size(),
                "-D", "customer_id=" + seed.customers().get(0).id()));
        command.add("forge");
        String out = exec(env, command.toArray(String[]::new));
        Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("pgbench printed no tps:\n" + out);
        }
        double tps = Double.parseDouble(m.group(1));
        System.out.printf(Locale.ROOT, "  pgbench      %-28s %8.1f tps%n", name, tps);
        return tps;
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return p;
    }

    /** Peak RSS of the service's running process: the last pid recorded for it is the live one. */
    private long rssKb(String service) throws Exception {
        String pid = null;
        for (String line : Files.readAllLines(root.resolve(".forge/run/pids"))) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2 && parts[0].equals(service)) {
                pid = parts[1];
            }
        }
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        if (pid == null || !Files.exists(status)) {
            return -1;
        }
        for (String s : Files.readAllLines(status)) {
            if (s.startsWith("VmHWM:")) {
                return Long.parseLong(s.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    // --- output -------------------------------------------------------------------------------

    private void addRow(String name, Map<String, Object> r, String limit) {
        table.add(new String[] {name, "%.1f".formatted((double) r.get("rps")),
                "%.2f".formatted((double) r.get("p50_ms")), "%.2f".formatted((double) r.get("p95_ms")),
                "%.2f".formatted((double) r.get("p99_ms")), r.get("non_2xx").toString(),
                r.get("socket_errors").toString(), limit});
    }

    private void print() {
        String format = "| %-18s | %9s | %8s | %8s | %8s | %7s | %6s | %-40s |%n";
        System.out.println();
        System.out.printf(Locale.ROOT, format, "scenario", "req/s", "p50 ms", "p95 ms", "p99 ms",
                "non-2xx", "socket", "against its limit");
        System.out.printf(Locale.ROOT, format, "-".repeat(18), "-".repeat(9), "-".repeat(8),
                "-".repeat(8), "-".repeat(8), "-".repeat(7), "-".repeat(6), "-".repeat(40));
        for (String[] row : table) {
            System.out.printf(Locale.ROOT, format, (Object[]) row);
        }
    }

    private void writeJson() throws IOException {
        Path dir = Files.createDirectories(root.resolve("bench/results"));
        Path file = dir.resolve("bench-" + Instant.now().toString().replace(':', '-') + ".json");
        Files.writeString(file, toJson(results) + "\n");
        System.out.println("\nfigures written to " + root.relativize(file));
    }

    /** JSON text produced elsewhere (bench/run), embedded as it is. */
    record RawJson(String json) {}

    @SuppressWarnings("unchecked")
    private static String toJson(Object value) {
        if (value instanceof RawJson raw) {
            return raw.json();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : ((Map<Object, Object>) map).entrySet()) {
                if (sb.length() > 1) {
                    sb.append(',');
                }
                sb.append('"').append(e.getKey()).append("\":").append(toJson(e.getValue()));
            }
            return sb.append('}').toString();
        }
        if (value instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        return String.valueOf(value);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private String exec(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }
}
