package dev.patriotforge.auth.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Draws samples from jqwik arbitraries inside a {@code @QuarkusTest}, where jqwik's
 * {@code @Property} cannot run. The seed is fixed ({@value #DEFAULT_SEED}) so that every run sends
 * the same requests; {@code -Dforge.fuzz.seed=<n>} explores others. Each draw prints its seed.
 */
final class FuzzSeed {
    static final String PROPERTY = "forge.fuzz.seed";
    static final long DEFAULT_SEED = 20_261_125L;
    private static final int GEN_SIZE = 1000;

    private FuzzSeed() {}

    static long seed() {
        String fixed = System.getProperty(PROPERTY);
        return fixed == null || fixed.isBlank() ? DEFAULT_SEED : Long.parseLong(fixed.strip());
    }

    /** How a failure names the draw, so that it can be replayed. */
    static String replay(String name) {
        return name + " (seed " + seed() + ", -D" + PROPERTY + "=" + seed() + ")";
    }

    /** {@code count} samples, edge cases mixed in, in an order fixed by the seed and the name. */
    static <T> List<T> draw(String name, Arbitrary<T> arbitrary, int count) {
        long seed = seed();
        System.out.printf("[hostile] %s: %d samples, seed %d%n", name, count, seed);
        Random random = new Random(seed * 31 + name.hashCode());
        JqwikSession.start(Long.toString(seed));
        try {
            RandomGenerator<T> generator = arbitrary.generator(GEN_SIZE, true);
            List<T> samples = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                samples.add(generator.next(random).value());
            }
            return samples;
        } finally {
            JqwikSession.finish();
        }
    }
}
