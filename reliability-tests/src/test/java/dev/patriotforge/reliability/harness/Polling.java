package dev.patriotforge.reliability.harness;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.assertj.core.api.Assertions;

/** Waits for a condition, checking it every 100 ms, and fails the test at the deadline. */
public final class Polling {
    private Polling() {}

    public static void until(
            Instant deadline, BooleanSupplier condition, Supplier<String> failure) {
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                Assertions.fail(failure.get());
            }
            sleep(Duration.ofMillis(100));
        }
    }

    public static void within(
            Duration timeout, BooleanSupplier condition, Supplier<String> failure) {
        until(Instant.now().plus(timeout), condition, failure);
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
