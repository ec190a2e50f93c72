package dev.patriotforge.quote.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The contract's arithmetic checked against an independent computation in integers only: a quantity
 * is a count of thousandths, and rounding half to even is done by hand on the remainder.
 */
class PricingProperties {

    /** round_half_even(numerator / denominator) for non-negative integers, by hand. */
    static BigInteger divideHalfEven(BigInteger numerator, BigInteger denominator) {
        BigInteger[] qr = numerator.divideAndRemainder(denominator);
        int twice = qr[1].shiftLeft(1).compareTo(denominator);
        if (twice > 0 || (twice == 0 && qr[0].testBit(0))) {
            return qr[0].add(BigInteger.ONE);
        }
        return qr[0];
    }

    record Line(long milliQuantity, long unitPrice) {
        BigDecimal quantity() {
            return BigDecimal.valueOf(milliQuantity, 3);
        }
    }

    @Provide
    Arbitrary<Line> lines() {
        return Combinators.combine(
                        Arbitraries.longs().between(1, 1_000_000_000L),
                        Arbitraries.longs().between(0, 10_000_000_000L))
                .as(Line::new);
    }

    @Property(tries = 2000)
    void lineTotalsMatchIntegerArithmetic(@ForAll("lines") Line line) {
        BigInteger expected =
                divideHalfEven(
                        BigInteger.valueOf(line.milliQuantity())
                                .multiply(BigInteger.valueOf(line.unitPrice())),
                        BigInteger.valueOf(1000));
        assertThat(Pricing.lineTotal(line.quantity(), line.unitPrice())).isEqualTo(expected);
    }

    @Property(tries = 1000)
    void totalsMatchIntegerArithmetic(
            @ForAll @Size(min = 1, max = 100) List<@net.jqwik.api.From("lines") Line> lines,
            @ForAll @IntRange(min = 0, max = 10_000) int taxRateBps) {
        BigInteger subtotal = BigInteger.ZERO;
        for (Line line : lines) {
            subtotal =
                    subtotal.add(
                            divideHalfEven(
                                    BigInteger.valueOf(line.milliQuantity())
                                            .multiply(BigInteger.valueOf(line.unitPrice())),
                                    BigInteger.valueOf(1000)));
        }
        BigInteger tax =
                divideHalfEven(
                        subtotal.multiply(BigInteger.valueOf(taxRateBps)),
                        BigInteger.valueOf(10_000));

        Pricing.Totals totals =
                Pricing.price(
                        lines.stream().map(Line::quantity).toList(),
                        lines.stream().map(Line::unitPrice).toList(),
                        taxRateBps);

        assertThat(totals.subtotal()).isEqualTo(subtotal);
        assertThat(totals.tax()).isEqualTo(tax);
        assertThat(totals.total()).isEqualTo(subtotal.add(tax));
        assertThat(totals.lineTotals().stream().reduce(BigInteger.ZERO, BigInteger::add))
                .isEqualTo(totals.subtotal());
        assertThat(totals.tax()).isLessThanOrEqualTo(totals.subtotal());
    }

    @Property
    void exactHalvesRoundToTheEvenNeighbour(@ForAll @IntRange(min = 0, max = 1_000_000) int n) {
        // n + 0.5 units: 1000 * n + 500 thousandths of a unit priced at 1.
        BigDecimal quantity = BigDecimal.valueOf(1000L * n + 500, 3);
        long expected = n % 2 == 0 ? n : n + 1;
        assertThat(Pricing.lineTotal(quantity, 1)).isEqualTo(BigInteger.valueOf(expected));
    }

    @Property
    void fitsIsExactlyTheJsonSafeLimit(@ForAll @IntRange(min = -5, max = 5) int delta) {
        BigInteger total =
                BigInteger.valueOf(Pricing.MAX_AMOUNT_MINOR).add(BigInteger.valueOf(delta));
        Pricing.Totals totals = new Pricing.Totals(List.of(total), total, BigInteger.ZERO, total);
        assertThat(totals.fits()).isEqualTo(delta <= 0);
    }
}
