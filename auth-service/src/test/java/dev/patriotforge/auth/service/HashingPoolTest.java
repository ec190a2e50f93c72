package dev.patriotforge.auth.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patriotforge.shared.error.RateLimited;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class HashingPoolTest {

    @Test
    void aSaturatedPoolShedsWorkAtOnceWithRetryAfter() throws Exception {
        HashingPool pool = new HashingPool(1, 1, Duration.ofSeconds(2));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<String> busy =
                    callers.submit(
                            () ->
                                    pool.run(
                                            () -> {
                                                running.countDown();
                                                release.await();
                                                return "first";
                                            }));
            assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
            CountDownLatch secondCalling = new CountDownLatch(1);
            AtomicReference<Thread> second = new AtomicReference<>();
            Future<String> queued =
                    callers.submit(
                            () -> {
                                second.set(Thread.currentThread());
                                secondCalling.countDown();
                                return pool.run(() -> "second");
                            });
            assertThat(secondCalling.await(5, TimeUnit.SECONDS)).isTrue();
            // The second job sits in the queue once its caller waits on the job's result.
            awaitWaitingForAResult(second.get());
            long start = System.nanoTime();
            assertThatThrownBy(() -> pool.run(() -> "third"))
                    .isInstanceOfSatisfying(
                            RateLimited.class,
                            e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(2)));
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofSeconds(1));
            release.countDown();
            assertThat(busy.get(5, TimeUnit.SECONDS)).isEqualTo("first");
            assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo("second");
        } finally {
            release.countDown();
            callers.shutdownNow();
            pool.shutdown();
        }
    }

    /**
     * Returns once {@code caller} is parked in {@code Future.get()}, that is, after the pool took
     * its job; fails after 5 s.
     */
    private static void awaitWaitingForAResult(Thread caller) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (caller.getState() == Thread.State.WAITING
                    && Arrays.stream(caller.getStackTrace())
                            .anyMatch(f -> f.getMethodName().equals("awaitDone"))) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        throw new AssertionError("the second caller never waited for its queued job");
    }

    @Test
    void failuresOfTheJobReachTheCaller() {
        HashingPool pool = new HashingPool(1, 1, Duration.ofSeconds(1));
        try {
            assertThatThrownBy(
                            () ->
                                    pool.run(
                                            () -> {
                                                throw new IllegalArgumentException("boom");
                                            }))
                    .isInstanceOf(IllegalArgumentException.class);
        } finally {
            pool.shutdown();
        }
    }
}
