package dev.patriotforge.auth.support;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Parallel logins of one account (with its own password, each from a fresh client IP), all held by
 * {@link WidenedLoginPauses} after their password check until {@link #open()}. Closing releases the
 * gate and stops the logins' threads.
 */
public final class HeldLogins implements AutoCloseable {
    private final WidenedLoginPauses pauses;
    private final UUID userId;
    private final WidenedLoginPauses.Gate gate;
    private final ExecutorService pool;
    private final List<Future<Response>> logins = new ArrayList<>();

    private HeldLogins(WidenedLoginPauses pauses, UUID userId, int count) {
        this.pauses = pauses;
        this.userId = userId;
        this.gate = pauses.holdAfterVerify(userId);
        this.pool = Executors.newFixedThreadPool(count);
    }

    /** Starts {@code count} logins of the account and waits until all of them wait at the gate. */
    public static HeldLogins afterVerify(WidenedLoginPauses pauses, Api.Account account, int count)
            throws InterruptedException {
        HeldLogins held = new HeldLogins(pauses, UUID.fromString(account.id()), count);
        boolean started = false;
        try {
            for (int i = 0; i < count; i++) {
                held.logins.add(
                        held.pool.submit(
                                () ->
                                        Api.loginResponse(
                                                account.email(), account.password(), Api.ip())));
            }
            held.gate.awaitArrivals(count);
            started = true;
            return held;
        } finally {
            if (!started) {
                held.close();
            }
        }
    }

    /** Lets the held logins go on. */
    public void open() {
        gate.open();
    }

    /** The answers of the logins, in the order they were started. */
    public List<Response> answers() throws InterruptedException, ExecutionException {
        List<Response> answers = new ArrayList<>();
        for (Future<Response> login : logins) {
            answers.add(login.get());
        }
        return answers;
    }

    @Override
    public void close() {
        pauses.release(userId);
        pool.shutdownNow();
    }
}
