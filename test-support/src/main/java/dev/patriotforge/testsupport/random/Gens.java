package dev.patriotforge.testsupport.random;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The factories of {@link Gen}: constants, choices (uniform or weighted), numbers in ranges, lists,
 * subsets. The number generators mix in the edges of their range (its ends, 0, 1, -1) one draw in
 * {@value #EDGE_ODDS}, where bugs sit; text is in {@link Texts}, big numbers in {@link Numbers}.
 */
public final class Gens {
    /** One draw in this many of a range is one of its edges. */
    static final int EDGE_ODDS = 8;

    private Gens() {}

    /** Always {@code value}. */
    public static <T> Gen<T> constant(T value) {
        return random -> value;
    }

    /** One of {@code values}, each as likely. */
    @SafeVarargs
    @SuppressWarnings("varargs") // only read, as Arrays.asList does
    public static <T> Gen<T> of(T... values) {
        return of(Arrays.asList(values));
    }

    /** One of {@code values}, each as likely. */
    public static <T> Gen<T> of(List<? extends T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("nothing to choose from");
        }
        List<? extends T> copy = new ArrayList<>(values);
        return random -> copy.get(random.nextInt(copy.size()));
    }

    /** A value of one of {@code gens}, each as likely. */
    @SafeVarargs
    @SuppressWarnings("varargs") // only read, as Arrays.asList does
    public static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        return of(Arrays.asList(gens)).flatMap(gen -> gen);
    }

    /** A generator and how often it is chosen relative to the others of a {@link #frequency}. */
    public record Weighted<T>(int weight, Gen<? extends T> gen) {
        public Weighted {
            if (weight < 1) {
                throw new IllegalArgumentException("weight must be positive: " + weight);
            }
        }
    }

    public static <T> Weighted<T> weighted(int weight, Gen<? extends T> gen) {
        return new Weighted<>(weight, gen);
    }

    /** A value of one of the generators, each chosen in proportion to its weight. */
    @SafeVarargs
    @SuppressWarnings("varargs") // only read, as Arrays.asList does
    public static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
        List<Weighted<? extends T>> list = List.of(choices);
        int total = list.stream().mapToInt(Weighted::weight).sum();
        return random -> {
            int pick = random.nextInt(total);
            for (Weighted<? extends T> choice : list) {
                pick -= choice.weight();
                if (pick < 0) {
                    return choice.gen().next(random);
                }
            }
            throw new IllegalStateException("weights changed");
        };
    }

    /** One value of each generator, in order. */
    public static <T> Gen<List<T>> sequence(List<? extends Gen<? extends T>> gens) {
        List<? extends Gen<? extends T>> copy = List.copyOf(gens);
        return random -> {
            List<T> values = new ArrayList<>(copy.size());
            for (Gen<? extends T> gen : copy) {
                values.add(gen.next(random));
            }
            return values;
        };
    }

    /** Any subset of {@code values} (each in it with probability 1/2), in their order. */
    public static <T> Gen<List<T>> subsets(List<? extends T> values) {
        List<? extends T> copy = List.copyOf(values);
        return random -> {
            List<T> subset = new ArrayList<>();
            for (T value : copy) {
                if (random.nextBoolean()) {
                    subset.add(value);
                }
            }
            return subset;
        };
    }

    public static Gen<Boolean> booleans() {
        return RandomGenerator::nextBoolean;
    }

    /** Integers from {@code min} to {@code max}, both included, edges mixed in. */
    public static Gen<Integer> ints(int min, int max) {
        return longs(min, max).map(Long::intValue);
    }

    /** Any int, its edges mixed in. */
    public static Gen<Integer> anyInt() {
        return ints(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** Longs from {@code min} to {@code max}, both included, edges mixed in. */
    public static Gen<Long> longs(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("empty range " + min + ".." + max);
        }
        List<Long> edges = edges(min, max);
        return random -> {
            if (random.nextInt(EDGE_ODDS) == 0) {
                return edges.get(random.nextInt(edges.size()));
            }
            if (max < Long.MAX_VALUE) {
                return random.nextLong(min, max + 1);
            }
            if (min > Long.MIN_VALUE) {
                return random.nextLong(min - 1, max) + 1;
            }
            return random.nextLong();
        };
    }

    /** Any long, its edges mixed in. */
    public static Gen<Long> anyLong() {
        return longs(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** The ends of the range, the values next to them, and 0, 1 and -1 when inside. */
    private static List<Long> edges(long min, long max) {
        Set<Long> edges = new LinkedHashSet<>(List.of(min, max));
        if (min < max) {
            edges.add(min + 1);
            edges.add(max - 1);
        }
        for (long v : new long[] {0, 1, -1}) {
            if (min <= v && v <= max) {
                edges.add(v);
            }
        }
        return List.copyOf(edges);
    }
}
