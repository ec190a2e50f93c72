package dev.patriotforge.testsupport.hostile;

import dev.patriotforge.testsupport.random.Gen;
import dev.patriotforge.testsupport.random.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Draws samples from {@link Gen}erators inside a {@code @QuarkusTest}. Every draw of a run comes
 * from one seed: {@code -Dforge.seed=<n>} when given, else the caller's default (a fixed seed, so
 * that every build sends the same requests, or a fresh random one). Each draw prints its seed and
 * every failure message names it ({@link #replay()}), so that any run can be repeated.
 */
public final class Fuzz {
    public static final String SEED_PROPERTY = Seeds.PROPERTY;

    private final String name;
    private final long seed;
    private final RandomGenerator random;
    private final boolean drawn;

    private Fuzz(String name, long seed, boolean drawn) {
        this.name = name;
        this.seed = seed;
        this.random = Seeds.random(seed * 31 + name.hashCode());
        this.drawn = drawn;
    }

    /** A run that draws nothing at random (its failures need no seed to repeat). */
    public static Fuzz fixed(String name) {
        return new Fuzz(name, 0, false);
    }

    /** A fuzz run whose seed is {@code -Dforge.seed} or a fresh random one. */
    public static Fuzz named(String name) {
        return new Fuzz(name, Seeds.givenOrFresh(), true);
    }

    /** A fuzz run whose seed is {@code -Dforge.seed} or {@code defaultSeed}. */
    public static Fuzz seeded(String name, long defaultSeed) {
        return new Fuzz(name, Seeds.givenOr(defaultSeed), true);
    }

    public String name() {
        return name;
    }

    public long seed() {
        return seed;
    }

    /** What a failure message says so that the run can be repeated. */
    public String replay() {
        return drawn ? name + " (" + Seeds.replay(seed) + ")" : name;
    }

    /**
     * {@code count} samples, edges mixed in, in an order fixed by the seed and the name (one random
     * sequence per run: a second call goes on where the first stopped).
     */
    public <T> List<T> samples(Gen<T> gen, int count) {
        System.out.printf(
                "[hostile] %s: %d samples, seed %d (-D%s=%d)%n",
                name, count, seed, SEED_PROPERTY, seed);
        List<T> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            samples.add(gen.next(random));
        }
        return samples;
    }

    public <T> T sample(Gen<T> gen) {
        return samples(gen, 1).get(0);
    }
}
