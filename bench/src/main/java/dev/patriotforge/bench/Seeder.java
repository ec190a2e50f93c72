package dev.patriotforge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Seeds the suite through the gateway (40 customers with spare sessions, a staff account, 200
 * quotes) and writes what the wrk scripts need as a Lua data file.
 */
final class Seeder {
    private static final int CUSTOMERS = 40;
    private static final int QUOTES = 200;

    private final Api api;
    private final Settings settings;

    Seeder(Api api, Settings settings) {
        this.api = api;
        this.settings = settings;
    }

    Seed seed() throws IOException, InterruptedException, ExecutionException {
        String runId = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        String password = "Bench-" + runId + "-correct-horse-battery";
        String adminEmail = Settings.env("FORGE_BOOTSTRAP_ADMIN_EMAIL", "");
        String adminPassword = Settings.env("FORGE_BOOTSTRAP_ADMIN_PASSWORD", "");
        if (adminEmail.isEmpty() || adminPassword.isEmpty()) {
            throw new IllegalStateException("bench needs FORGE_BOOTSTRAP_ADMIN_EMAIL/PASSWORD");
        }
        System.out.println("seeding accounts and quotes through " + settings.gateway());
        String adminToken = Api.text(api.login(adminEmail, adminPassword), "access_token");

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Account>> registered = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                String email = "bench-%s-%02d@bench.patriotforge.dev".formatted(runId, i);
                registered.add(pool.submit(() -> api.register(email, password)));
            }
            List<Account> customers = all(registered);
            // Extra sessions give the refresh scenario a queue of live refresh tokens per thread.
            List<Future<String>> sessions = new ArrayList<>();
            for (Account a : customers) {
                for (int k = 0; k < 2; k++) {
                    sessions.add(
                            pool.submit(
                                    () ->
                                            Api.text(
                                                    api.login(a.email(), password),
                                                    "refresh_token")));
                }
            }
            List<String> refreshTokens = all(sessions);

            Account staff =
                    api.register(
                            "bench-%s-staff@bench.patriotforge.dev".formatted(runId), password);
            api.send(
                    "PATCH",
                    "/api/auth/users/" + staff.id(),
                    adminToken,
                    Map.of("role", "staff"),
                    200);
            String staffToken = Api.text(api.login(staff.email(), password), "access_token");

            Map<String, Object> quote =
                    Map.of(
                            "title",
                            "Seed quote",
                            "items",
                            List.of(Map.of("description", "Bolt", "quantity", 3)));
            List<String> quoteTokens = new ArrayList<>();
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < QUOTES; i++) {
                Account owner = customers.get(i % customers.size());
                created.add(
                        pool.submit(
                                () ->
                                        Api.text(
                                                api.send(
                                                        "POST",
                                                        "/api/quotes",
                                                        owner.access(),
                                                        quote,
                                                        201),
                                                "id")));
                quoteTokens.add(owner.access());
            }
            return new Seed(
                    password,
                    customers,
                    refreshTokens,
                    staffToken,
                    all(created),
                    quoteTokens,
                    runId);
        } finally {
            pool.shutdown();
        }
    }

    /** Writes the seed as the Lua globals the wrk scripts read (bench/wrk/*.lua). */
    Path writeLuaData(Seed seed) throws IOException {
        Path data = settings.work().resolve("data.lua");
        String lua =
                """
                PASSWORD = "%s"
                EMAILS = "%s"
                REFRESH_TOKENS = "%s"
                CUSTOMER_TOKENS = "%s"
                STAFF_TOKEN = "%s"
                QUOTE_IDS = "%s"
                QUOTE_TOKENS = "%s"
                RUN_ID = "%s"
                VALID_UNTIL = "%s"
                """
                        .formatted(
                                seed.password(),
                                String.join(
                                        ",",
                                        seed.customers().stream().map(Account::email).toList()),
                                String.join(",", seed.refreshTokens()),
                                String.join(
                                        ",",
                                        seed.customers().stream().map(Account::access).toList()),
                                seed.staffToken(),
                                String.join(",", seed.quoteIds()),
                                String.join(",", seed.quoteTokens()),
                                seed.runId(),
                                Instant.now()
                                        .plus(30, ChronoUnit.DAYS)
                                        .truncatedTo(ChronoUnit.SECONDS));
        Files.writeString(data, lua);
        return data;
    }

    /**
     * Fresh sessions for the logout scenario, which spends one per request: COUNT logins of the
     * seeded customers (hash-bound, 4 at a time), written as LOGOUT_TOKENS to logout.lua.
     */
    Path logoutSessions(Seed seed, int count)
            throws IOException, InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> sessions = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Account a = seed.customers().get(i % seed.customers().size());
                sessions.add(
                        pool.submit(
                                () ->
                                        Api.text(
                                                api.login(a.email(), seed.password()),
                                                "access_token")));
            }
            Path data = settings.work().resolve("logout.lua");
            Files.writeString(
                    data, "LOGOUT_TOKENS = \"%s\"\n".formatted(String.join(",", all(sessions))));
            return data;
        } finally {
            pool.shutdown();
        }
    }

    private static <T> List<T> all(List<Future<T>> futures)
            throws InterruptedException, ExecutionException {
        List<T> values = new ArrayList<>();
        for (Future<T> f : futures) {
            values.add(f.get());
        }
        return values;
    }
}
