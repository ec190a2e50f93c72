package dev.patriotforge.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the external tools of the bench (wrk, pgbench, psql). */
final class Commands {
    private Commands() {}

    /** Runs COMMAND with ENV added; returns its output (stdout and stderr), fails on non-zero. */
    static String exec(Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }
}
