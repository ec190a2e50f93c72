package dev.patriotforge.quote.hostile;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Draws samples from jqwik arbitraries inside a {@code @QuarkusTest}, where jqwik's
 * {@code @Property} cannot run. Every draw comes from one seed, printed at the start and named in
 * every failure: {@code -Dforge.fuzz.seed=<seed>} replays the same requests.
 */
final class Fuzz {
    static final String SEED_PROPERTY = "forge.fuzz.seed";
    private static final int GEN_SIZE = 1000;

    private final String name;
    private final long seed;
    private final Random random;
    private final boolean drawn;

    private Fuzz(String name, long seed, boolean drawn) {
        this.name = name;
        this.seed = seed;
        this.random = new Random(seed ^ name.hashCode());
        this.drawn = drawn;
    }

    /** A run that draws nothing at random (its failures need no seed to repeat). */
    static Fuzz fixed(String name) {
        return new Fuzz(name, 0, false);
    }

    /** A fuzz run for one test; the seed is {@code -Dforge.fuzz.seed} or a fresh random one. */
    static Fuzz named(String name) {
        String fixed = System.getProperty(SEED_PROPERTY);
        long seed =
                fixed != null && !fixed.isBlank()
                        ? Long.parseLong(fixed.trim())
                        : new SecureRandom().nextLong();
        System.out.printf("[hostile] %s: -D%s=%d%n", name, SEED_PROPERTY, seed);
        return new Fuzz(name, seed, true);
    }

    String name() {
        return name;
    }

    /** What a failure message says so that the run can be repeated. */
    String replay() {
        return drawn ? name + " (replay with -D" + SEED_PROPERTY + "=" + seed + ")" : name;
    }

    /** {@code count} samples, edge cases included, in an order fixed by the seed. */
    <T> List<T> samples(Arbitrary<T> arbitrary, int count) {
        JqwikSession.start();
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

    <T> T sample(Arbitrary<T> arbitrary) {
        return samples(arbitrary, 1).get(0);
    }
}
