package dev.patriotforge.quote.service.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Exponential backoff with jitter, for 24 h. */
class RetryScheduleTest {
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final Duration BASE = Duration.ofSeconds(5);

    /** A random source that always gives {@code value}. */
    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    @Test
    void eachDelayDoublesWithinTheJitterBand() {
        RetrySchedule low = new RetrySchedule(BASE, fixed(0.0));
        RetrySchedule high = new RetrySchedule(BASE, fixed(0.999_999));
        Instant giveUp = T0.plus(Duration.ofHours(24));
        for (int attempt = 1; attempt <= 10; attempt++) {
            long nominal = BASE.toMillis() << (attempt - 1);
            Duration min = Duration.between(T0, low.next(attempt, T0, giveUp).orElseThrow());
            Duration max = Duration.between(T0, high.next(attempt, T0, giveUp).orElseThrow());
            assertThat(min.toMillis()).isEqualTo(nominal * 3 / 4);
            assertThat(max.toMillis()).isBetween(nominal * 5 / 4 - 10, nominal * 5 / 4);
        }
    }

    @Test
    void jitterNeverReordersAttempts() {
        RetrySchedule schedule = new RetrySchedule(BASE, new Random(42));
        Instant giveUp = T0.plus(Duration.ofHours(24));
        Duration previous = Duration.ZERO;
        for (int attempt = 1; attempt <= 14; attempt++) {
            Duration delay = Duration.between(T0, schedule.next(attempt, T0, giveUp).orElseThrow());
            assertThat(delay).isGreaterThan(previous);
            previous = delay;
        }
    }

    @Test
    void givesUpOnceTheNextAttemptWouldFallAfter24Hours() {
        RetrySchedule schedule = new RetrySchedule(BASE, fixed(0.5));
        Instant giveUp = T0.plus(Duration.ofHours(24));
        Instant now = T0;
        int attempts = 0;
        while (true) {
            attempts++;
            var next = schedule.next(attempts, now, giveUp);
            if (next.isEmpty()) {
                break;
            }
            now = next.get();
        }
        assertThat(now).isBefore(giveUp);
        // 5 s doubling: 5+10+...+5*2^13 s is about 22.8 h, the next would pass 24 h.
        assertThat(attempts).isEqualTo(15);
    }
}
