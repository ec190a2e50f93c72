package dev.patriotforge.auth.hostile;

import dev.patriotforge.testsupport.hostile.Fuzz;
import dev.patriotforge.testsupport.random.Gen;
import java.util.List;

/**
 * auth-service's fuzz seed: fixed ({@value #DEFAULT_SEED}) so that every run sends the same
 * requests; {@code -Dforge.seed=<n>} explores others. The drawing is test-support's {@link Fuzz};
 * each draw prints its seed.
 */
final class FuzzSeed {
    static final long DEFAULT_SEED = 20_261_125L;

    private FuzzSeed() {}

    /** How a failure names the draw, so that it can be replayed. */
    static String replay(String name) {
        return Fuzz.seeded(name, DEFAULT_SEED).replay();
    }

    /** {@code count} samples, edges mixed in, in an order fixed by the seed and the name. */
    static <T> List<T> draw(String name, Gen<T> gen, int count) {
        return Fuzz.seeded(name, DEFAULT_SEED).samples(gen, count);
    }
}
