package dev.patriotforge.auth.support;

import dev.patriotforge.auth.service.LoginPauses;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Replaces the service's no-op {@link LoginPauses} in tests: a test holds the logins of one user at
 * a point between the password check and the commit of the session, so that a credential change can
 * overlap them. Logins of every other user pass straight through.
 */
@ApplicationScoped
public class WidenedLoginPauses extends LoginPauses {
    private static final long HOLD_SECONDS = 20;

    private final Map<UUID, Gate> afterVerify = new ConcurrentHashMap<>();
    private final Map<UUID, Gate> afterWrite = new ConcurrentHashMap<>();

    /** Logins that reach the gate wait there until it opens (at most 20 s). */
    public static final class Gate {
        private final CountDownLatch open = new CountDownLatch(1);
        private final AtomicInteger arrived = new AtomicInteger();

        public int arrived() {
            return arrived.get();
        }

        /** Waits until {@code count} logins wait at the gate. */
        public void awaitArrivals(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HOLD_SECONDS);
            while (arrived.get() < count) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(arrived.get() + " of " + count + " logins arrived");
                }
                Thread.sleep(10);
            }
        }

        public void open() {
            open.countDown();
        }

        void pass() {
            arrived.incrementAndGet();
            try {
                open.await(HOLD_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Holds the user's logins after their password is verified, before the session is written. */
    public Gate holdAfterVerify(UUID userId) {
        Gate gate = new Gate();
        afterVerify.put(userId, gate);
        return gate;
    }

    /** Holds the user's logins inside the transaction that wrote the session, before its commit. */
    public Gate holdAfterSessionWritten(UUID userId) {
        Gate gate = new Gate();
        afterWrite.put(userId, gate);
        return gate;
    }

    public void release(UUID userId) {
        Gate a = afterVerify.remove(userId);
        Gate b = afterWrite.remove(userId);
        if (a != null) {
            a.open();
        }
        if (b != null) {
            b.open();
        }
    }

    @Override
    public void verified(UUID userId) {
        Gate gate = afterVerify.get(userId);
        if (gate != null) {
            gate.pass();
        }
    }

    @Override
    public void sessionWritten(UUID userId) {
        Gate gate = afterWrite.get(userId);
        if (gate != null) {
            gate.pass();
        }
    }
}
