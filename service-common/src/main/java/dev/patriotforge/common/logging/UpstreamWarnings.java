package dev.patriotforge.common.logging;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Drops one start-up warning that is Quarkus's, not ours, and nothing else.
 *
 * <p>In Quarkus 3.33 both the Redis client processor and the Redis data source processor call
 * {@code RedisClientRecorder.initialize} for the same client name. Each call builds a Vert.x Redis
 * client, whose pool registers the {@code redis.pool.*} meters; the recorder keeps the first client
 * ({@code putIfAbsent}) and drops the second, and Micrometer refuses the second client's queue-size
 * gauge with "This Gauge has been already registered". The gauge Micrometer kept belongs to the
 * client that is used, so the metric is right and the warning is noise at every start. Any other
 * duplicate meter still warns. Remove this filter when Quarkus initializes each client once.
 */
@LoggingFilter(name = UpstreamWarnings.NAME)
public final class UpstreamWarnings implements Filter {
    public static final String NAME = "forge-upstream-warnings";

    private static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";
    private static final String REDIS_POOL_GAUGE =
            "This Gauge has been already registered (MeterId{name='redis.pool.";

    @Override
    public boolean isLoggable(LogRecord record) {
        return !(Level.WARNING.equals(record.getLevel())
                && METER_REGISTRY.equals(record.getLoggerName())
                && record.getMessage() != null
                && record.getMessage().startsWith(REDIS_POOL_GAUGE));
    }
}
