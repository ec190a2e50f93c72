package dev.patriotforge.quote.service;

import static dev.patriotforge.quote.service.PricingProperties.divideHalfEven;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.testsupport.random.Gen;
import dev.patriotforge.testsupport.random.Gens;
import dev.patriotforge.testsupport.random.Tries;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The arithmetic with discounts and tax per rate group: totals are the sums of their parts, the tax
 * groups partition the lines, no discount makes an amount negative, every rounding is half to even
 * on the exact value (checked in integers), and without discounts or line rates the result is the
 * old single-rate formula. Each property runs over 1000 quotes drawn by test-support's seeded
 * generators ({@link Tries}; {@code -Dforge.seed} replays a failing one).
 */
class NegotiatedPricingProperties {
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

    private static final int TRIES = 1000;

    /** The lines of a quote and the quote's own tax rate. */
    record Quote(List<Pricing.Line> lines, int quoteRate) {}

    static Gen<Pricing.Line> lines() {
        Gen<Long> milli = Gens.longs(1, 1_000_000_000L);
        Gen<Long> price = Gens.longs(0, 10_000_000_000L);
        Gen<Integer> discount = Gens.ints(0, 10_000);
        Gen<Integer> rate = Gens.of(0, 500, 825, 1900, 2000, 10_000).orNull(0.5);
        return random ->
                new Pricing.Line(
                        BigDecimal.valueOf(milli.next(random), 3),
                        price.next(random),
                        discount.next(random),
                        rate.next(random));
    }

    /** Quotes of 1 to {@code maxLines} lines, the quote's rate from 0 to 100 %. */
    static Gen<Quote> quotes(int maxLines) {
        Gen<List<Pricing.Line>> lines = lines().list(1, maxLines);
        Gen<Integer> rates = Gens.ints(0, 10_000);
        return random -> new Quote(lines.next(random), rates.next(random));
    }

    @Test
    void totalsAreTheSumsOfTheirParts() {
        Tries.forAll(
                TRIES, quotes(100), q -> totalsAreTheSumsOfTheirParts(q.lines(), q.quoteRate()));
    }

    @Test
    void everyRoundingIsHalfEvenOnTheExactValue() {
        Tries.forAll(
                TRIES,
                quotes(30),
                q -> everyRoundingIsHalfEvenOnTheExactValue(q.lines(), q.quoteRate()));
    }

    @Test
    void taxGroupsPartitionTheLines() {
        Tries.forAll(TRIES, quotes(100), q -> taxGroupsPartitionTheLines(q.lines(), q.quoteRate()));
    }

    @Test
    void noDiscountMakesAnAmountNegative() {
        Tries.forAll(
                TRIES, quotes(100), q -> noDiscountMakesAnAmountNegative(q.lines(), q.quoteRate()));
    }

    @Test
    void withoutDiscountsOrLineRatesItIsTheOldSingleRateFormula() {
        Tries.forAll(
                TRIES,
                quotes(100),
                q ->
                        withoutDiscountsOrLineRatesItIsTheOldSingleRateFormula(
                                q.lines(), q.quoteRate()));
    }

    @Test
    void fitsRefusesAnyAmountBeyondTheJsonSafeLimit() {
        Tries.forEvery(
                IntStream.rangeClosed(-3, 3).boxed().toList(),
                NegotiatedPricingProperties::fitsRefusesAnyAmountBeyondTheJsonSafeLimit);
    }

    private static void totalsAreTheSumsOfTheirParts(List<Pricing.Line> lines, int quoteRate) {
        Pricing.Result result = Pricing.price(lines, quoteRate);
        assertThat(result.lines()).hasSize(lines.size());
        BigInteger subtotal = BigInteger.ZERO;
        BigInteger discount = BigInteger.ZERO;
        for (Pricing.LineAmounts line : result.lines()) {
            assertThat(line.total()).isEqualTo(line.gross().subtract(line.discount()));
            subtotal = subtotal.add(line.total());
            discount = discount.add(line.discount());
        }
        assertThat(result.subtotal()).isEqualTo(subtotal);
        assertThat(result.discount()).isEqualTo(discount);
        assertThat(result.tax())
                .isEqualTo(
                        result.taxBreakdown().stream()
                                .map(Pricing.TaxGroup::tax)
                                .reduce(BigInteger.ZERO, BigInteger::add));
        assertThat(result.total()).isEqualTo(result.subtotal().add(result.tax()));
    }

    private static void everyRoundingIsHalfEvenOnTheExactValue(
            List<Pricing.Line> lines, int quoteRate) {
        Pricing.Result result = Pricing.price(lines, quoteRate);
        Map<Integer, BigInteger> taxable = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Pricing.Line line = lines.get(i);
            BigInteger milli = line.quantity().movePointRight(3).toBigIntegerExact();
            BigInteger gross =
                    divideHalfEven(
                            milli.multiply(BigInteger.valueOf(line.unitPriceMinor())),
                            BigInteger.valueOf(1000));
            BigInteger discount =
                    divideHalfEven(
                            gross.multiply(BigInteger.valueOf(line.discountBps())), TEN_THOUSAND);
            Pricing.LineAmounts amounts = result.lines().get(i);
            assertThat(amounts.gross()).isEqualTo(gross);
            assertThat(amounts.discount()).isEqualTo(discount);
            int rate = line.taxRateBps() == null ? quoteRate : line.taxRateBps();
            assertThat(amounts.taxRateBps()).isEqualTo(rate);
            taxable.merge(rate, gross.subtract(discount), BigInteger::add);
        }
        for (Pricing.TaxGroup group : result.taxBreakdown()) {
            assertThat(group.taxable()).isEqualTo(taxable.get(group.taxRateBps()));
            assertThat(group.tax())
                    .isEqualTo(
                            divideHalfEven(
                                    group.taxable()
                                            .multiply(BigInteger.valueOf(group.taxRateBps())),
                                    TEN_THOUSAND));
        }
    }

    private static void taxGroupsPartitionTheLines(List<Pricing.Line> lines, int quoteRate) {
        Pricing.Result result = Pricing.price(lines, quoteRate);
        List<Integer> rates =
                result.taxBreakdown().stream().map(Pricing.TaxGroup::taxRateBps).toList();
        assertThat(rates).isSorted().doesNotHaveDuplicates();
        assertThat(rates)
                .containsExactlyInAnyOrderElementsOf(
                        result.lines().stream()
                                .map(Pricing.LineAmounts::taxRateBps)
                                .distinct()
                                .toList());
        assertThat(
                        result.taxBreakdown().stream()
                                .map(Pricing.TaxGroup::taxable)
                                .reduce(BigInteger.ZERO, BigInteger::add))
                .isEqualTo(result.subtotal());
    }

    private static void noDiscountMakesAnAmountNegative(List<Pricing.Line> lines, int quoteRate) {
        Pricing.Result result = Pricing.price(lines, quoteRate);
        for (Pricing.LineAmounts line : result.lines()) {
            assertThat(line.discount()).isBetween(BigInteger.ZERO, line.gross());
            assertThat(line.total().signum()).isGreaterThanOrEqualTo(0);
        }
        for (Pricing.TaxGroup group : result.taxBreakdown()) {
            assertThat(group.tax()).isBetween(BigInteger.ZERO, group.taxable());
        }
        assertThat(result.subtotal().signum()).isGreaterThanOrEqualTo(0);
        assertThat(result.total()).isGreaterThanOrEqualTo(result.subtotal());
    }

    private static void withoutDiscountsOrLineRatesItIsTheOldSingleRateFormula(
            List<Pricing.Line> generated, int rate) {
        List<Pricing.Line> lines =
                generated.stream()
                        .map(l -> new Pricing.Line(l.quantity(), l.unitPriceMinor(), 0, null))
                        .toList();
        Pricing.Result result = Pricing.price(lines, rate);
        BigInteger subtotal = BigInteger.ZERO;
        for (Pricing.Line line : lines) {
            subtotal = subtotal.add(Pricing.lineTotal(line.quantity(), line.unitPriceMinor()));
        }
        BigInteger tax = divideHalfEven(subtotal.multiply(BigInteger.valueOf(rate)), TEN_THOUSAND);
        assertThat(result.subtotal()).isEqualTo(subtotal);
        assertThat(result.discount()).isZero();
        assertThat(result.tax()).isEqualTo(tax);
        assertThat(result.total()).isEqualTo(subtotal.add(tax));
        assertThat(result.taxBreakdown())
                .containsExactly(new Pricing.TaxGroup(rate, subtotal, tax));
        // A line rate equal to the quote's changes nothing either.
        List<Pricing.Line> explicit =
                lines.stream()
                        .map(l -> new Pricing.Line(l.quantity(), l.unitPriceMinor(), 0, rate))
                        .toList();
        assertThat(Pricing.price(explicit, rate)).isEqualTo(result);
    }

    private static void fitsRefusesAnyAmountBeyondTheJsonSafeLimit(int d) {
        BigInteger amount = BigInteger.valueOf(Pricing.MAX_AMOUNT_MINOR).add(BigInteger.valueOf(d));
        // A full discount: the gross is beyond the limit while the totals are 0.
        Pricing.Result result =
                new Pricing.Result(
                        List.of(new Pricing.LineAmounts(amount, amount, BigInteger.ZERO, 0)),
                        BigInteger.ZERO,
                        amount,
                        List.of(new Pricing.TaxGroup(0, BigInteger.ZERO, BigInteger.ZERO)),
                        BigInteger.ZERO,
                        BigInteger.ZERO);
        assertThat(result.fits()).isEqualTo(d <= 0);
    }
}
