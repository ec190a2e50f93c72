package dev.patriotforge.testsupport.hostile;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Draws samples from jqwik arbitraries inside a {@code @QuarkusTest}, where jqwik's
 * {@code @Property} cannot run. Every draw of a run comes from one seed: {@code
 * -Dforge.fuzz.seed=<n>} when given, else the caller's default (a fixed seed, so that every build
 * sends the same requests, or a fresh random one). Each draw prints its seed and every failure
 * message names it ({@link #replay()}), so that any run can be repeated.
 */
public final class Fuzz {
    public static final String SEED_PROPERTY = "forge.fuzz.seed";
    private static final int GEN_SIZE = 1000;

    private final String name;
    private final long seed;
    private final Random random;
    private final boolean drawn;

    private Fuzz(String name, long seed, boolean drawn) {
        this.name = name;
        this.seed = seed;
        this.random = new Random(seed * 31 + name.hashCode());
        this.drawn = drawn;
    }

    /** A run that draws nothing at random (its failures need no seed to repeat). */
    public static Fuzz fixed(String name) {
        return new Fuzz(name, 0, false);
    }

    /** A fuzz run whose seed is {@code -Dforge.fuzz.seed} or a fresh random one. */
    public static Fuzz named(String name) {
        String given = givenSeed();
        return new Fuzz(
                name, given != null ? Long.parseLong(given) : new SecureRandom().nextLong(), true);
    }

    /** A fuzz run whose seed is {@code -Dforge.fuzz.seed} or {@code defaultSeed}. */
    public static Fuzz seeded(String name, long defaultSeed) {
        String given = givenSeed();
        return new Fuzz(name, given != null ? Long.parseLong(given) : defaultSeed, true);
    }

    private static String givenSeed() {
        String given = System.getProperty(SEED_PROPERTY);
        return given == null || given.isBlank() ? null : given.strip();
    }

    public String name() {
        return name;
    }

    public long seed() {
        return seed;
    }

    /** What a failure message says so that the run can be repeated. */
    public String replay() {
        return drawn
                ? name + " (seed " + seed + ", replay with -D" + SEED_PROPERTY + "=" + seed + ")"
                : name;
    }

    /**
     * {@code count} samples, edge cases mixed in, in an order fixed by the seed and the name (one
     * random sequence per run: a second call goes on where the first stopped).
     */
    public <T> List<T> samples(Arbitrary<T> arbitrary, int count) {
        System.out.printf(
                "[hostile] %s: %d samples, seed %d (-D%s=%d)%n",
                name, count, seed, SEED_PROPERTY, seed);
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

    public <T> T sample(Arbitrary<T> arbitrary) {
        return samples(arbitrary, 1).get(0);
    }
}
