package dev.patriotforge.testsupport.random;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * A generator of random values: everything it draws comes from the {@link RandomGenerator} it is
 * given, so one seed gives one sequence of values ({@link Seeds}). The factories are in {@link
 * Gens}; {@link Tries} runs a property over many draws.
 */
@FunctionalInterface
public interface Gen<T> {
    /** How many draws {@link #filter} rejects in a row before it gives up. */
    int FILTER_ATTEMPTS = 10_000;

    T next(RandomGenerator random);

    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return random -> f.apply(next(random));
    }

    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> f) {
        return random -> f.apply(next(random)).next(random);
    }

    /**
     * Only the values that pass {@code keep}; fails after {@value #FILTER_ATTEMPTS} rejections in a
     * row, so that a filter that (almost) never passes shows instead of spinning.
     */
    default Gen<T> filter(Predicate<? super T> keep) {
        return random -> {
            for (int i = 0; i < FILTER_ATTEMPTS; i++) {
                T value = next(random);
                if (keep.test(value)) {
                    return value;
                }
            }
            throw new IllegalStateException(
                    "filter rejected " + FILTER_ATTEMPTS + " draws in a row");
        };
    }

    /** Lists of {@code min} to {@code max} values (both lengths drawn now and then). */
    default Gen<List<T>> list(int min, int max) {
        Gen<Integer> sizes = Gens.ints(min, max);
        return random -> {
            int size = sizes.next(random);
            List<T> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(next(random));
            }
            return values;
        };
    }

    /** {@code null} with probability {@code p}, else a value of this generator. */
    default Gen<T> orNull(double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("not a probability: " + p);
        }
        return random -> random.nextDouble() < p ? null : next(random);
    }
}
