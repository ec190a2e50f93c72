package dev.patriotforge.auth.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.function.LongSupplier;

/**
 * How the purges delete: one batch per transaction of its own (rows taken with {@code SKIP LOCKED},
 * so replicas share the work and a purge never holds locks for long), batch after batch until one
 * comes back smaller than the batch size.
 */
public final class BatchPurge {
    private BatchPurge() {}

    /**
     * Runs {@code oneBatch} (which deletes at most {@code batch} rows and says how many) in new
     * transactions until a batch deletes fewer than {@code batch}; returns the total.
     */
    public static long drain(int batch, LongSupplier oneBatch) {
        long total = 0;
        long deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(oneBatch::getAsLong);
            total += deleted;
        } while (deleted >= batch);
        return total;
    }
}
