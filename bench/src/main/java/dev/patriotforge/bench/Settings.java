package dev.patriotforge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What one bench run measures against and how long: the suite's URLs and the BENCH_* sizes of a
 * scenario, read from the environment that bench/run exports.
 *
 * @param root the repository (bench/wrk, bench/pgbench, .forge/run)
 * @param work where the run keeps its files (.forge/bench)
 * @param gateway the suite's gateway
 * @param authDirect auth-service called directly
 * @param quoteDirect quote-service called directly
 * @param seconds the measured part of each scenario
 * @param warmup the discarded warm-up of each scenario
 * @param connections the connections of each scenario
 * @param threads wrk and pgbench threads
 */
record Settings(
        Path root,
        Path work,
        String gateway,
        String authDirect,
        String quoteDirect,
        int seconds,
        int warmup,
        int connections,
        int threads) {

    static Settings fromEnvironment(Path root) throws IOException {
        return new Settings(
                root,
                Files.createDirectories(root.resolve(".forge/bench")),
                env("FORGE_GATEWAY_URL", "http://127.0.0.1:8080"),
                "http://127.0.0.1:" + env("FORGE_AUTH_PORT", "8081"),
                "http://127.0.0.1:" + env("FORGE_QUOTE_PORT", "8082"),
                Integer.parseInt(env("BENCH_SECONDS", "15")),
                Integer.parseInt(env("BENCH_WARMUP_SECONDS", "10")),
                Integer.parseInt(env("BENCH_CONNECTIONS", "16")),
                2);
    }

    /** The environment variable NAME, or FALLBACK when it is unset or blank. */
    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    Path wrkScript(String scenario) {
        return root.resolve("bench/wrk/" + scenario + ".lua");
    }
}
