package dev.patriotforge.testsupport.random;

import java.util.Collection;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Runs a property over many drawn values inside a plain JUnit test. Each try has its own seed: the
 * first is {@code -Dforge.seed} when given, else a fresh one; each next one follows from the one
 * before ({@link Seeds#next}). A failure names its try and that try's seed, so {@code
 * -Dforge.seed=<it>} repeats the failing case as the first try. Small domains are checked whole
 * with {@link #forEvery}.
 */
public final class Tries {
    /** How many characters of a failing value the message shows. */
    private static final int SHOWN = 500;

    private Tries() {}

    /** {@code property} holds for {@code tries} values of {@code gen}. */
    public static <T> void forAll(int tries, Gen<T> gen, Consumer<? super T> property) {
        forAll(tries, Seeds.givenOrFresh(), gen, property);
    }

    /**
     * {@code property} holds for {@code tries} values of {@code gen}, the first from {@code seed}.
     */
    public static <T> void forAll(int tries, long seed, Gen<T> gen, Consumer<? super T> property) {
        if (tries < 1) {
            throw new IllegalArgumentException("tries must be positive: " + tries);
        }
        long trySeed = seed;
        for (int i = 1; i <= tries; i++) {
            RandomGenerator random = Seeds.random(trySeed);
            T value;
            try {
                value = gen.next(random);
            } catch (RuntimeException e) {
                throw new AssertionError(
                        "try " + i + " could not draw a value (" + Seeds.replay(trySeed) + ")", e);
            }
            try {
                property.accept(value);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(
                        "try "
                                + i
                                + " of "
                                + tries
                                + " failed ("
                                + Seeds.replay(trySeed)
                                + ") for "
                                + shown(value)
                                + ": "
                                + e.getMessage(),
                        e);
            }
            trySeed = Seeds.next(trySeed);
        }
    }

    /** {@code property} holds for every one of {@code values} (no randomness: no seed). */
    public static <T> void forEvery(Collection<? extends T> values, Consumer<? super T> property) {
        int i = 0;
        for (T value : values) {
            i++;
            try {
                property.accept(value);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(
                        "case "
                                + i
                                + " of "
                                + values.size()
                                + " failed for "
                                + shown(value)
                                + ": "
                                + e.getMessage(),
                        e);
            }
        }
    }

    private static String shown(Object value) {
        String text = Objects.toString(value);
        return text.length() <= SHOWN
                ? text
                : text.substring(0, SHOWN) + "... (" + text.length() + " characters)";
    }
}
