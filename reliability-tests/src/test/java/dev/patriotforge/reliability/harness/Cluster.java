package dev.patriotforge.reliability.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The processes that reliability-tests/run started: two replicas of each service ({@code auth-a},
 * {@code auth-b}, {@code quote-a}, {@code quote-b}), the gateway in front of them, and forge's
 * PostgreSQL and Redis. Faults go through {@code reliability-tests/bin/ctl}, which uses the same
 * shell functions as {@code ./forge}.
 */
public final class Cluster {
    public static final List<String> AUTH = List.of("auth-a", "auth-b");
    public static final List<String> QUOTE = List.of("quote-a", "quote-b");
    public static final List<String> REPLICAS = List.of("auth-a", "auth-b", "quote-a", "quote-b");

    private static Cluster instance;

    private final Properties props;
    private final Path clusterDir;
    private final HttpClient probe =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();

    private Cluster(Properties props) {
        this.props = props;
        this.clusterDir = Path.of(props.getProperty("cluster.dir"));
    }

    /** The cluster of this run; the test is skipped when the runner did not start one. */
    public static synchronized Cluster get() {
        if (instance == null) {
            String file = System.getProperty("reliability.cluster", "");
            Assumptions.assumeFalse(
                    file.isBlank(), "no cluster: these tests run through reliability-tests/run");
            Properties props = new Properties();
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                props.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file, e);
            }
            instance = new Cluster(props);
        }
        return instance;
    }

    public URI url(String name) {
        String url = props.getProperty(name + ".url");
        if (url == null) {
            throw new IllegalArgumentException("no such process: " + name);
        }
        return URI.create(url);
    }

    /** The management interface of a replica: {@code /q/health}, {@code /q/metrics}. */
    public URI managementUrl(String name) {
        String url = props.getProperty(name + ".management.url");
        if (url == null) {
            throw new IllegalArgumentException("no management port for " + name);
        }
        return URI.create(url);
    }

    public int intProperty(String name) {
        return Integer.parseInt(props.getProperty(name));
    }

    /** True when the gateway runs (deploy/forge/gateway.sh existed when the tier started). */
    public boolean hasGateway() {
        return pidOrZero("gateway") > 0;
    }

    /** Skips the calling test when there is no gateway. */
    public URI gateway() {
        Assumptions.assumeTrue(hasGateway(), "the gateway is not running (no deploy/gateway)");
        return url("gateway");
    }

    /** The pid of a replica (or of the gateway's nginx master). */
    public long pid(String name) {
        long pid = pidOrZero(name);
        if (pid <= 0) {
            throw new IllegalStateException("no pid recorded for " + name);
        }
        return pid;
    }

    private long pidOrZero(String name) {
        Path file = clusterDir.resolve(name).resolve("pids");
        try {
            if (!Files.exists(file)) {
                return 0;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                String[] parts = lines.get(i).trim().split("\\s+", -1);
                if (parts.length == 2) {
                    return Long.parseLong(parts[1]);
                }
            }
            return 0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    public boolean alive(String name) {
        long pid = pidOrZero(name);
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Resident set size of a replica, in KiB (VmRSS of /proc/PID/status). */
    public long rssKib(String name) {
        Path status = Path.of("/proc", Long.toString(pid(name)), "status");
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + status, e);
        }
        throw new IllegalStateException("no VmRSS in " + status);
    }

    /** Runs one bin/ctl action and waits for it; fails the test when the action fails. */
    public void ctl(String... args) {
        List<String> command = new ArrayList<>();
        command.add("bash");
        command.add(props.getProperty("ctl"));
        command.add(props.getProperty("run.dir"));
        command.addAll(List.of(args));
        Path log = clusterDir.resolve("ctl.log");
        try {
            Files.writeString(
                    log,
                    Instant.now() + " ctl " + String.join(" ", args) + "\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            Process process =
                    new ProcessBuilder(command)
                            .redirectInput(
                                    ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                            .redirectErrorStream(true)
                            .start();
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("ctl " + String.join(" ", args) + " timed out");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        "ctl "
                                + String.join(" ", args)
                                + " failed with exit "
                                + process.exitValue()
                                + "; see "
                                + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ctl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running ctl", e);
        }
    }

    /**
     * The HTTP status of GET {@code /q/health/ready} on the replica's management port (0 when the
     * replica does not answer).
     */
    public int readiness(String name) {
        return status(managementUrl(name).resolve("/q/health/ready"));
    }

    /** The HTTP status of GET {@code /q/health/live} (0 when the replica does not answer). */
    public int liveness(String name) {
        return status(managementUrl(name).resolve("/q/health/live"));
    }

    private int status(URI uri) {
        try {
            return probe.send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(5))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Waits until every replica's readiness is {@code wanted} (200 or 503). */
    public void awaitReadiness(List<String> names, int wanted, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        for (String name : names) {
            Polling.until(
                    deadline,
                    () -> readiness(name) == wanted,
                    () -> name + " readiness is " + readiness(name) + ", not " + wanted);
        }
    }

    /**
     * Puts everything back after a fault test: Redis and PostgreSQL running, every replica alive,
     * ready and in the gateway. Idempotent.
     */
    public void restoreAll() {
        ctl("ensure-servers");
        if (hasGateway()) {
            ctl("gateway-all-up");
        }
        for (String name : REPLICAS) {
            if (!alive(name)) {
                ctl("start", name);
            }
        }
        awaitReadiness(REPLICAS, 200, Duration.ofSeconds(90));
    }

    /** A connection to the forge database as quote-service's own role (schema quote). */
    public Connection quoteDb() throws SQLException {
        return DriverManager.getConnection(
                env("FORGE_DB_URL"), env("FORGE_QUOTE_DB_USER"), env("FORGE_QUOTE_DB_PASSWORD"));
    }

    /** A connection to the forge database as auth-service's own role (schema auth). */
    public Connection authDb() throws SQLException {
        return DriverManager.getConnection(
                env("FORGE_DB_URL"), env("FORGE_AUTH_DB_USER"), env("FORGE_AUTH_DB_PASSWORD"));
    }

    private static String env(String name) {
        String value = System.getenv(name);
        assertThat(value).as("environment variable %s", name).isNotBlank();
        return value;
    }
}
