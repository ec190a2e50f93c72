package dev.patriotforge.testsupport.random;

import java.security.SecureRandom;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Where the randomness of a test comes from: one {@code long} seed, given with {@code
 * -Dforge.seed=<n>} to replay a run, else chosen by the test (a fixed one, or a fresh one). A seed
 * makes a {@link SplittableRandom}: the same seed, the same draws, on every JDK.
 */
public final class Seeds {
    /** The system property that replays a seed. */
    public static final String PROPERTY = "forge.seed";

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private Seeds() {}

    /** The seed given with {@code -Dforge.seed}, if one is. */
    public static OptionalLong given() {
        String given = System.getProperty(PROPERTY);
        if (given == null || given.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(given.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + " is not a long: " + given, e);
        }
    }

    /** The given seed, else {@code otherwise}. */
    public static long givenOr(long otherwise) {
        return given().orElse(otherwise);
    }

    /** The given seed, else a fresh random one. */
    public static long givenOrFresh() {
        OptionalLong given = given();
        return given.isPresent() ? given.getAsLong() : new SecureRandom().nextLong();
    }

    /** The random source of {@code seed}. */
    public static RandomGenerator random(long seed) {
        return new SplittableRandom(seed);
    }

    /** The seed after {@code seed} in a run's sequence (a SplitMix64 step). */
    public static long next(long seed) {
        long z = seed + GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** What a message says so that {@code seed} can be replayed. */
    public static String replay(long seed) {
        return "seed " + seed + ", replay with -D" + PROPERTY + "=" + seed;
    }
}
