package dev.patriotforge.common.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.stream.LongStream;

/**
 * Histogram buckets for the HTTP server timings and the services' own timers, so that Prometheus
 * can compute percentiles across replicas ({@code histogram_quantile} over {@code
 * http_server_requests_seconds_bucket}). A fixed set of 12 buckets (5 ms to 10 s), not Micrometer's
 * percentile histogram of ~70, keeps the series per route and status small.
 */
@Singleton
public class LatencyBuckets {
    static final long[] BUCKETS_MILLIS = {5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000};

    @Produces
    @Singleton
    MeterFilter latencyBuckets() {
        double[] slos =
                LongStream.of(BUCKETS_MILLIS)
                        .mapToDouble(ms -> Duration.ofMillis(ms).toNanos())
                        .toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(
                    Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() != Meter.Type.TIMER || !bucketed(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(slos)
                        .build()
                        .merge(config);
            }
        };
    }

    static boolean bucketed(String name) {
        return name.equals("http.server.requests") || name.startsWith("forge.");
    }
}
