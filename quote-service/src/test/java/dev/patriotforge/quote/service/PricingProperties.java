package dev.patriotforge.quote.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.testsupport.random.Gen;
import dev.patriotforge.testsupport.random.Gens;
import dev.patriotforge.testsupport.random.Tries;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The contract's arithmetic checked against an independent computation in integers only: a quantity
 * is a count of thousandths, and rounding half to even is done by hand on the remainder. Values are
 * drawn by test-support's seeded generators ({@link Tries}; {@code -Dforge.seed} replays).
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

    /** A priced quote's lines and its tax rate. */
    record Quote(List<Line> lines, int taxRateBps) {}

    static Gen<Line> lines() {
        Gen<Long> milli = Gens.longs(1, 1_000_000_000L);
        Gen<Long> price = Gens.longs(0, 10_000_000_000L);
        return random -> new Line(milli.next(random), price.next(random));
    }

    @Test
    void lineTotalsMatchIntegerArithmetic() {
        Tries.forAll(2000, lines(), PricingProperties::lineTotalMatches);
    }

    private static void lineTotalMatches(Line line) {
        BigInteger expected =
                divideHalfEven(
                        BigInteger.valueOf(line.milliQuantity())
                                .multiply(BigInteger.valueOf(line.unitPrice())),
                        BigInteger.valueOf(1000));
        assertThat(Pricing.lineTotal(line.quantity(), line.unitPrice())).isEqualTo(expected);
    }

    @Test
    void totalsMatchIntegerArithmetic() {
        Gen<List<Line>> lines = lines().list(1, 100);
        Gen<Integer> rates = Gens.ints(0, 10_000);
        Tries.forAll(
                1000,
                random -> new Quote(lines.next(random), rates.next(random)),
                PricingProperties::totalsMatch);
    }

    private static void totalsMatch(Quote quote) {
        List<Line> lines = quote.lines();
        int taxRateBps = quote.taxRateBps();
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

    @Test
    void exactHalvesRoundToTheEvenNeighbour() {
        Tries.forAll(
                1000,
                Gens.ints(0, 1_000_000),
                n -> {
                    // n + 0.5 units: 1000 * n + 500 thousandths of a unit priced at 1.
                    BigDecimal quantity = BigDecimal.valueOf(1000L * n + 500, 3);
                    long expected = n % 2 == 0 ? n : n + 1;
                    assertThat(Pricing.lineTotal(quantity, 1))
                            .isEqualTo(BigInteger.valueOf(expected));
                });
    }

    @Test
    void fitsIsExactlyTheJsonSafeLimit() {
        Tries.forEvery(
                IntStream.rangeClosed(-5, 5).boxed().toList(),
                delta -> {
                    BigInteger total =
                            BigInteger.valueOf(Pricing.MAX_AMOUNT_MINOR)
                                    .add(BigInteger.valueOf(delta));
                    Pricing.Totals totals =
                            new Pricing.Totals(List.of(total), total, BigInteger.ZERO, total);
                    assertThat(totals.fits()).isEqualTo(delta <= 0);
                });
    }
}
