package dev.patriotforge.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The limits the scenarios are judged against, measured in the same run: Argon2id hashes per second
 * with the service's parameters (login), and pgbench running the service's own SQL at the same
 * concurrency (GET and create quote).
 */
final class Limits {
    static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

    private final Settings settings;

    Limits(Settings settings) {
        this.settings = settings;
    }

    /** The Argon2id parameters and the hashes per second this machine reaches with them. */
    record Argon2(int memoryKib, int iterations, int threads, double hashesPerSecond) {
        Map<String, Object> figures() {
            return Map.of(
                    "memory_kib", memoryKib,
                    "iterations", iterations,
                    "parallelism", 1,
                    "threads", threads,
                    "hashes_per_s", Bench.round(hashesPerSecond));
        }
    }

    /**
     * Argon2id with the service's parameters, one hash per thread on every core at once, for a few
     * seconds: the most logins per second this machine could ever verify.
     */
    Argon2 argon2() throws InterruptedException, ExecutionException {
        int memoryKib = Integer.parseInt(Settings.env("BENCH_ARGON2_MEMORY_KIB", "19456"));
        int iterations = Integer.parseInt(Settings.env("BENCH_ARGON2_ITERATIONS", "2"));
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try {
            long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            List<Future<Long>> warm = new ArrayList<>();
            for (int i = 0; i < cores; i++) {
                warm.add(pool.submit(() -> hashUntil(warmUntil, memoryKib, iterations)));
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
            for (Future<Long> w : warm) {
                w.get();
            }
            double perSecond = total / ((System.nanoTime() - start) / 1e9);
            System.out.printf(
                    Locale.ROOT,
                    "  argon2id     m=%d t=%d p=1 on %d threads: %.1f hashes/s%n",
                    memoryKib,
                    iterations,
                    cores,
                    perSecond);
            return new Argon2(memoryKib, iterations, cores, perSecond);
        } finally {
            pool.shutdown();
        }
    }

    private static long hashUntil(long deadline, int memoryKib, int iterations) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        long n = 0;
        // The memory blocks are reused from hash to hash, as auth-service's PasswordHasher does,
        // so that the limit is the hash alone and not the garbage collector.
        Argon2BytesGenerator.BlockPool blocks =
                new Argon2BytesGenerator.FixedBlockPool(
                        Argon2BytesGenerator.getBlockCount(memoryKib, 1));
        byte[] password = "bench password".getBytes(StandardCharsets.UTF_8);
        while (System.nanoTime() < deadline) {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(
                    new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                            .withSalt(salt)
                            .withMemoryAsKB(memoryKib)
                            .withIterations(iterations)
                            .withParallelism(1)
                            .withBlockPool(blocks)
                            .build());
            byte[] out = new byte[32];
            generator.generateBytes(password, out);
            n++;
        }
        return n;
    }

    /** pgbench running bench/pgbench/NAME.sql (the service's own SQL) at the same concurrency. */
    double pgbench(String name, Seed seed, int clients) throws IOException, InterruptedException {
        Path root = settings.root();
        Properties servers = load(root.resolve(".forge/run/servers.env"));
        Properties secrets = load(root.resolve(".forge/data/secrets.env"));
        Path prepared = settings.work().resolve(name + ".sql");
        Files.copy(
                root.resolve("bench/pgbench/" + name + ".sql"),
                prepared,
                StandardCopyOption.REPLACE_EXISTING);
        // The seeded quote ids and customers, numbered, so that pgbench picks them at random as
        // wrk does (a GET of any quote, creates spread over the customers).
        String ids =
                numbered("bench_ids", seed.quoteIds())
                        + numbered(
                                "bench_customers",
                                seed.customers().stream().map(Account::id).toList());
        // The table is made by the migration role (forge_quote has DML only); its default
        // privileges let forge_quote, which pgbench runs as, read it.
        Commands.exec(
                Map.of(
                        "PGPASSWORD",
                        secrets.getProperty("QUOTE_DB_MIGRATION_PASSWORD"),
                        "PGOPTIONS",
                        "-c search_path=quote"),
                "psql",
                "-X",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                "127.0.0.1",
                "-p",
                servers.getProperty("PG_PORT"),
                "-U",
                "forge_quote_migrator",
                "-d",
                "forge",
                "-c",
                ids + "ANALYZE bench_ids; ANALYZE bench_customers;");
        String out =
                Commands.exec(
                        Map.of(
                                "PGPASSWORD",
                                secrets.getProperty("QUOTE_DB_PASSWORD"),
                                "PGOPTIONS",
                                "-c search_path=quote"),
                        "pgbench",
                        "-n",
                        "-h",
                        "127.0.0.1",
                        "-p",
                        servers.getProperty("PG_PORT"),
                        "-U",
                        "forge_quote",
                        "-c",
                        Integer.toString(clients),
                        "-j",
                        Integer.toString(settings.threads()),
                        "-T",
                        Integer.toString(settings.seconds()),
                        "-M",
                        "prepared",
                        "-f",
                        prepared.toString(),
                        "-D",
                        "quote_count=" + seed.quoteIds().size(),
                        "-D",
                        "customer_count=" + seed.customers().size(),
                        "forge");
        Matcher m = TPS.matcher(out);
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

    /** SQL that (re)creates TABLE (n, id) holding IDS numbered from 1. */
    private static String numbered(String table, List<String> ids) {
        String rows =
                IntStream.range(0, ids.size())
                        .mapToObj(i -> "(%d,'%s')".formatted(i + 1, ids.get(i)))
                        .collect(Collectors.joining(","));
        return "DROP TABLE IF EXISTS %s; CREATE TABLE %s (n int PRIMARY KEY, id uuid); INSERT INTO %s VALUES %s; "
                .formatted(table, table, table, rows);
    }
}
