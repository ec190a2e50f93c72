package dev.patriotforge.quote.service;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The contract's arithmetic, in exact decimals, rounding half to even at each named step:
 *
 * <pre>
 * line_gross_minor    = round(quantity * unit_price_minor)
 * line_discount_minor = round(line_gross_minor * discount_bps / 10000)
 * line_total_minor    = line_gross_minor - line_discount_minor
 * subtotal_minor      = sum(line_total_minor)
 * discount_minor      = sum(line_discount_minor)
 * per tax rate r (a line's own tax_rate_bps, else the quote's):
 *     taxable = sum(line_total_minor of the group), tax = round(taxable * r / 10000)
 * tax_breakdown       = [{tax_rate_bps, taxable_minor, tax_minor}] by rate ascending
 * tax_minor           = sum(tax)
 * total_minor         = subtotal_minor + tax_minor
 * </pre>
 *
 * With no discounts and no line rates this is one rate on the subtotal, as before.
 */
public final class Pricing {
    /**
     * The largest amount a quote may reach: 2^53 - 1, the largest integer every JSON client reads
     * exactly.
     */
    public static final long MAX_AMOUNT_MINOR = 9_007_199_254_740_991L;

    private static final BigInteger MAX = BigInteger.valueOf(MAX_AMOUNT_MINOR);
    private static final BigDecimal BPS_PER_UNIT = BigDecimal.valueOf(10_000);

    private Pricing() {}

    /** One line to price; {@code taxRateBps} null takes the quote's rate. */
    public record Line(
            BigDecimal quantity, long unitPriceMinor, int discountBps, Integer taxRateBps) {}

    /** The amounts of one line, and the rate its tax group has. */
    public record LineAmounts(
            BigInteger gross, BigInteger discount, BigInteger total, int taxRateBps) {}

    /** The tax of one rate group. */
    public record TaxGroup(int taxRateBps, BigInteger taxable, BigInteger tax) {}

    /** Every amount of a priced quote. */
    public record Result(
            List<LineAmounts> lines,
            BigInteger subtotal,
            BigInteger discount,
            List<TaxGroup> taxBreakdown,
            BigInteger tax,
            BigInteger total) {
        public Result {
            lines = List.copyOf(lines);
            taxBreakdown = List.copyOf(taxBreakdown);
        }

        /** True when every amount, of every line and group too, is at most 2^53 - 1. */
        public boolean fits() {
            return Stream.concat(
                            Stream.of(subtotal, discount, tax, total),
                            Stream.concat(
                                    lines.stream().map(LineAmounts::gross),
                                    taxBreakdown.stream().map(TaxGroup::taxable)))
                    .allMatch(amount -> amount.compareTo(MAX) <= 0);
        }
    }

    /** The single-rate result of earlier versions (line totals, subtotal, tax, total). */
    public record Totals(
            List<BigInteger> lineTotals, BigInteger subtotal, BigInteger tax, BigInteger total) {
        public Totals {
            lineTotals = List.copyOf(lineTotals);
        }

        /** True when every amount fits the limit (the total is the largest of them). */
        public boolean fits() {
            return total.compareTo(MAX) <= 0;
        }
    }

    /** round_half_even(quantity * unit_price_minor). */
    public static BigInteger lineTotal(BigDecimal quantity, long unitPriceMinor) {
        return quantity.multiply(BigDecimal.valueOf(unitPriceMinor))
                .setScale(0, RoundingMode.HALF_EVEN)
                .toBigIntegerExact();
    }

    /** round_half_even(amount * bps / 10000): a discount or a tax. */
    public static BigInteger tax(BigInteger amount, int bps) {
        return new BigDecimal(amount)
                .multiply(BigDecimal.valueOf(bps))
                .divide(BPS_PER_UNIT, 0, RoundingMode.HALF_EVEN)
                .toBigIntegerExact();
    }

    /** Prices the lines, in order, with {@code quoteTaxRateBps} for lines without their own. */
    public static Result price(List<Line> lines, int quoteTaxRateBps) {
        List<LineAmounts> amounts = new ArrayList<>(lines.size());
        Map<Integer, BigInteger> taxable = new TreeMap<>();
        BigInteger subtotal = BigInteger.ZERO;
        BigInteger discount = BigInteger.ZERO;
        for (Line line : lines) {
            BigInteger gross = lineTotal(line.quantity(), line.unitPriceMinor());
            BigInteger lineDiscount = tax(gross, line.discountBps());
            BigInteger total = gross.subtract(lineDiscount);
            int rate = line.taxRateBps() == null ? quoteTaxRateBps : line.taxRateBps();
            amounts.add(new LineAmounts(gross, lineDiscount, total, rate));
            taxable.merge(rate, total, BigInteger::add);
            subtotal = subtotal.add(total);
            discount = discount.add(lineDiscount);
        }
        List<TaxGroup> groups = new ArrayList<>(taxable.size());
        BigInteger tax = BigInteger.ZERO;
        for (Map.Entry<Integer, BigInteger> group : taxable.entrySet()) {
            BigInteger groupTax = tax(group.getValue(), group.getKey());
            groups.add(new TaxGroup(group.getKey(), group.getValue(), groupTax));
            tax = tax.add(groupTax);
        }
        return new Result(amounts, subtotal, discount, groups, tax, subtotal.add(tax));
    }

    /** The single-rate pricing: no discounts, every line at {@code taxRateBps}. */
    public static Totals price(
            List<BigDecimal> quantities, List<Long> unitPricesMinor, int taxRateBps) {
        if (quantities.size() != unitPricesMinor.size()) {
            throw new IllegalArgumentException("one unit price per quantity");
        }
        List<Line> lines = new ArrayList<>(quantities.size());
        for (int i = 0; i < quantities.size(); i++) {
            lines.add(new Line(quantities.get(i), unitPricesMinor.get(i), 0, null));
        }
        Result result = price(lines, taxRateBps);
        return new Totals(
                result.lines().stream().map(LineAmounts::total).toList(),
                result.subtotal(),
                result.tax(),
                result.total());
    }
}
