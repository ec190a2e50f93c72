package dev.patriotforge.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class UpstreamWarningsTest {
    private static final String REGISTRY = "io.micrometer.core.instrument.MeterRegistry";
    private final UpstreamWarnings filter = new UpstreamWarnings();

    private static LogRecord record(Level level, String logger, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(logger);
        return record;
    }

    @Test
    void dropsTheRedisPoolGaugeRegisteredTwiceByQuarkus() {
        assertThat(
                        filter.isLoggable(
                                record(
                                        Level.WARNING,
                                        REGISTRY,
                                        "This Gauge has been already registered (MeterId{name="
                                                + "'redis.pool.queue.size', tags=[tag(pool.name="
                                                + "<default>),tag(pool.type=redis)]}), the"
                                                + " registration will be ignored.")))
                .isFalse();
    }

    @Test
    void keepsEveryOtherDuplicateMeterWarning() {
        assertThat(
                        filter.isLoggable(
                                record(
                                        Level.WARNING,
                                        REGISTRY,
                                        "This Gauge has been already registered (MeterId{name="
                                                + "'forge.auth.hashing.queue', tags=[]}), the"
                                                + " registration will be ignored.")))
                .isTrue();
    }

    @Test
    void keepsTheSameTextFromAnyOtherLoggerOrLevel() {
        String text = "This Gauge has been already registered (MeterId{name='redis.pool.x'})";
        assertThat(filter.isLoggable(record(Level.WARNING, "dev.patriotforge.auth", text)))
                .isTrue();
        assertThat(filter.isLoggable(record(Level.SEVERE, REGISTRY, text))).isTrue();
        assertThat(filter.isLoggable(record(Level.WARNING, REGISTRY, null))).isTrue();
    }
}
