package dev.patriotforge.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.reliability.harness.Cluster;
import dev.patriotforge.reliability.harness.Polling;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Redis faults (through bin/ctl) that check they took effect: during a stall Redis accepts a
 * connection but answers nothing, after a stop its process is gone and its port refuses, and a
 * restart is a new process that answers. Answers are read without credentials: Redis replies to an
 * unauthenticated PING with a NOAUTH error, which is an answer all the same.
 */
final class RedisFaults {
    /** What a PING to Redis's port got. */
    enum Ping {
        ANSWERED,
        SILENT,
        REFUSED
    }

    private static final Duration PROBE = Duration.ofSeconds(1);

    private final Cluster cluster;
    private final int port;
    private final Path pids;

    RedisFaults(Cluster cluster) {
        this.cluster = cluster;
        this.port = cluster.intProperty("redis.port");
        Properties props = new Properties();
        try (InputStream in =
                Files.newInputStream(Path.of(System.getProperty("reliability.cluster")))) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.pids = Path.of(props.getProperty("run.dir"), "pids");
    }

    /** Freezes Redis (SIGSTOP) for about {@code length}, checking it is silent meanwhile. */
    void stall(Duration length) {
        assertThat(ping(PROBE)).as("Redis before the stall").isEqualTo(Ping.ANSWERED);
        cluster.ctl("redis-freeze");
        try {
            assertThat(ping(PROBE)).as("Redis during the stall").isEqualTo(Ping.SILENT);
            Polling.sleep(length.minus(PROBE));
        } finally {
            cluster.ctl("redis-thaw");
        }
        assertThat(ping(Duration.ofSeconds(5)))
                .as("Redis after the stall")
                .isEqualTo(Ping.ANSWERED);
    }

    /** Stops Redis for about {@code down} and starts it again, checking both took effect. */
    void restart(Duration down) {
        long before = pid();
        cluster.ctl("redis-stop");
        assertThat(ProcessHandle.of(before).map(ProcessHandle::isAlive).orElse(false))
                .as("the Redis process %d after the stop", before)
                .isFalse();
        assertThat(ping(PROBE)).as("Redis's port after the stop").isEqualTo(Ping.REFUSED);
        Polling.sleep(down);
        cluster.ctl("redis-start");
        long after = pid();
        assertThat(after).as("the Redis process after the restart").isNotEqualTo(before);
        assertThat(ProcessHandle.of(after).map(ProcessHandle::isAlive).orElse(false)).isTrue();
        assertThat(ping(Duration.ofSeconds(5)))
                .as("Redis after the restart")
                .isEqualTo(Ping.ANSWERED);
    }

    /** The pid of the Redis that ./forge started last (the last "redis" line of RUN/pids). */
    private long pid() {
        try {
            List<String> lines = Files.readAllLines(pids, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                String[] parts = lines.get(i).trim().split("\\s+", -1);
                if (parts.length == 2 && parts[0].equals("redis")) {
                    return Long.parseLong(parts[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no Redis pid in " + pids);
    }

    /** Sends PING and waits at most {@code wait} for the first byte of any reply. */
    Ping ping(Duration wait) {
        int millis = Math.toIntExact(wait.toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), millis);
            socket.setSoTimeout(millis);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return socket.getInputStream().read() >= 0 ? Ping.ANSWERED : Ping.SILENT;
        } catch (ConnectException e) {
            return Ping.REFUSED;
        } catch (SocketTimeoutException e) {
            return Ping.SILENT;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
