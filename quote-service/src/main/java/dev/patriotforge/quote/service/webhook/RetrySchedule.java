package dev.patriotforge.quote.service.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed attempt is tried again: {@code base * 2^(attempt-1)}, times a jitter factor in
 * [0.75, 1.25) so that many deliveries failed at once do not come back at once; none once the next
 * attempt would fall after the delivery's give-up time (24 h after its event by default).
 *
 * <p>The jitter never reorders attempts: the n-th delay is at least {@code 1.5x} the greatest
 * possible (n-1)-th.
 */
public record RetrySchedule(Duration base, RandomGenerator random) {
    private static final int MAX_DOUBLINGS = 30;

    /**
     * The time of the next attempt after attempt number {@code attempt} (1 is the first) failed at
     * {@code now}, or empty when the delivery has failed for good.
     */
    public Optional<Instant> next(int attempt, Instant now, Instant giveUpAt) {
        int doublings = Math.clamp(attempt - 1L, 0, MAX_DOUBLINGS);
        double factor = 0.75 + random.nextDouble() * 0.5;
        double millis = base.toMillis() * Math.pow(2, doublings) * factor;
        Instant next =
                now.plusMillis((long) Math.min(millis, (double) Duration.ofDays(365).toMillis()));
        return next.isAfter(giveUpAt) ? Optional.empty() : Optional.of(next);
    }
}
