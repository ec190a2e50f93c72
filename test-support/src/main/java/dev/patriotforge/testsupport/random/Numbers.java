package dev.patriotforge.testsupport.random;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/** Generators of doubles and of numbers beyond a long, edges mixed in as in {@link Gens}. */
public final class Numbers {
    private static final List<Double> DOUBLE_EDGES =
            List.of(
                    0.0,
                    -0.0,
                    1.0,
                    -1.0,
                    Double.MIN_VALUE,
                    -Double.MIN_VALUE,
                    Double.MAX_VALUE,
                    -Double.MAX_VALUE,
                    Double.POSITIVE_INFINITY,
                    Double.NEGATIVE_INFINITY,
                    Double.NaN);

    private Numbers() {}

    /**
     * Any double: every bit pattern (NaN and the infinities included), small amounts with two
     * decimals, and the edges.
     */
    public static Gen<Double> doubles() {
        return Gens.frequency(
                Gens.weighted(1, Gens.of(DOUBLE_EDGES)),
                Gens.weighted(3, random -> Double.longBitsToDouble(random.nextLong())),
                Gens.weighted(4, Gens.longs(-100_000_000L, 100_000_000L).map(n -> n / 100.0)));
    }

    /** Integers from {@code min} to {@code max}, both included, edges mixed in. */
    public static Gen<BigInteger> bigIntegers(BigInteger min, BigInteger max) {
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException("empty range " + min + ".." + max);
        }
        BigInteger span = max.subtract(min).add(BigInteger.ONE);
        int bytes = span.bitLength() / 8 + 2;
        List<BigInteger> edges =
                List.of(
                        min,
                        max,
                        clamp(BigInteger.ZERO, min, max),
                        clamp(BigInteger.ONE, min, max));
        return random -> {
            if (random.nextInt(Gens.EDGE_ODDS) == 0) {
                return edges.get(random.nextInt(edges.size()));
            }
            byte[] raw = new byte[bytes];
            random.nextBytes(raw);
            return new BigInteger(1, raw).mod(span).add(min);
        };
    }

    /**
     * Decimals from {@code min} to {@code max} with exactly {@code scale} digits after the point,
     * edges mixed in.
     */
    public static Gen<BigDecimal> bigDecimals(BigDecimal min, BigDecimal max, int scale) {
        BigInteger low = min.setScale(scale, RoundingMode.CEILING).unscaledValue();
        BigInteger high = max.setScale(scale, RoundingMode.FLOOR).unscaledValue();
        return bigIntegers(low, high).map(unscaled -> new BigDecimal(unscaled, scale));
    }

    private static BigInteger clamp(BigInteger value, BigInteger min, BigInteger max) {
        return value.max(min).min(max);
    }
}
