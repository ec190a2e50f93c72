package dev.patriotforge.quote.service;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/**
 * The contract's arithmetic, in exact decimals with banker's rounding:
 *
 * <pre>
 * line_total_minor = round_half_even(quantity * unit_price_minor)
 * subtotal_minor   = sum(line_total_minor)
 * tax_minor        = round_half_even(subtotal_minor * tax_rate_bps / 10000)
 * total_minor      = subtotal_minor + tax_minor
 * </pre>
 */
public final class Pricing {
    /**
     * The largest amount a quote may reach: 2^53 - 1, the largest integer every JSON client reads
     * exactly.
     */
    public static final long MAX_AMOUNT_MINOR = 9_007_199_254_740_991L;

    private static final BigDecimal BPS_PER_UNIT = BigDecimal.valueOf(10_000);

    private Pricing() {}

    /** The result of pricing; every amount is at most {@link #MAX_AMOUNT_MINOR} when it fits. */
    public record Totals(
            List<BigInteger> lineTotals, BigInteger subtotal, BigInteger tax, BigInteger total) {
        public Totals {
            lineTotals = List.copyOf(lineTotals);
        }

        /** True when every amount fits the limit (the total is the largest of them). */
        public boolean fits() {
            return total.compareTo(BigInteger.valueOf(MAX_AMOUNT_MINOR)) <= 0;
        }
    }

    public static BigInteger lineTotal(BigDecimal quantity, long unitPriceMinor) {
        return quantity.multiply(BigDecimal.valueOf(unitPriceMinor))
                .setScale(0, RoundingMode.HALF_EVEN)
                .toBigIntegerExact();
    }

    public static BigInteger tax(BigInteger subtotal, int taxRateBps) {
        return new BigDecimal(subtotal)
                .multiply(BigDecimal.valueOf(taxRateBps))
                .divide(BPS_PER_UNIT, 0, RoundingMode.HALF_EVEN)
                .toBigIntegerExact();
    }

    /** Prices lines given as (quantity, unit price) pairs, in order. */
    public static Totals price(
            List<BigDecimal> quantities, List<Long> unitPricesMinor, int taxRateBps) {
        if (quantities.size() != unitPricesMinor.size()) {
            throw new IllegalArgumentException("one unit price per quantity");
        }
        List<BigInteger> lines =
                java.util.stream.IntStream.range(0, quantities.size())
                        .mapToObj(i -> lineTotal(quantities.get(i), unitPricesMinor.get(i)))
                        .toList();
        BigInteger subtotal = lines.stream().reduce(BigInteger.ZERO, BigInteger::add);
        BigInteger tax = tax(subtotal, taxRateBps);
        return new Totals(lines, subtotal, tax, subtotal.add(tax));
    }
}
