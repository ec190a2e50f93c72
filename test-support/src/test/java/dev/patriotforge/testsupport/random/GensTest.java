package dev.patriotforge.testsupport.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class GensTest {
    private static final int DRAWS = 20_000;

    private static <T> List<T> draw(Gen<T> gen, long seed) {
        RandomGenerator random = Seeds.random(seed);
        List<T> values = new ArrayList<>(DRAWS);
        for (int i = 0; i < DRAWS; i++) {
            values.add(gen.next(random));
        }
        return values;
    }

    @Test
    void theSameSeedDrawsTheSameValuesAndAnotherSeedOthers() {
        Gen<String> gen = Texts.strings(Texts.anyChar(), 0, 30).filter(s -> s.length() != 3);
        assertThat(draw(gen, 42)).isEqualTo(draw(gen, 42));
        assertThat(draw(gen, 42)).isNotEqualTo(draw(gen, 43));
        assertThat(Seeds.next(42)).isEqualTo(Seeds.next(42)).isNotEqualTo(42L);
    }

    @Test
    void numbersStayInTheirRangeAndReachItsEnds() {
        assertThat(draw(Gens.ints(-3, 7), 1)).allMatch(n -> -3 <= n && n <= 7).contains(-3, 7, 0);
        assertThat(draw(Gens.longs(5, Long.MAX_VALUE), 2))
                .allMatch(n -> n >= 5)
                .contains(5L, Long.MAX_VALUE);
        assertThat(draw(Gens.anyLong(), 3)).contains(Long.MIN_VALUE, Long.MAX_VALUE, 0L);
        assertThat(draw(Gens.ints(4, 4), 4)).containsOnly(4);
        BigInteger big = BigInteger.TEN.pow(40);
        assertThat(draw(Numbers.bigIntegers(big.negate(), big), 5))
                .allMatch(n -> n.abs().compareTo(big) <= 0)
                .contains(big, big.negate())
                .anyMatch(n -> n.abs().bitLength() > 64);
        assertThat(draw(Numbers.bigDecimals(new BigDecimal("-1.5"), BigDecimal.ONE, 2), 6))
                .allMatch(d -> d.scale() == 2)
                .allMatch(d -> d.compareTo(new BigDecimal("-1.5")) >= 0)
                .allMatch(d -> d.compareTo(BigDecimal.ONE) <= 0);
        assertThat(draw(Numbers.doubles(), 7))
                .anyMatch(d -> d.isNaN())
                .anyMatch(d -> d.isInfinite())
                .anyMatch(d -> d == Math.rint(d * 100) / 100);
    }

    @Test
    void stringsAndListsKeepTheirLengthsAndAlphabet() {
        assertThat(draw(Texts.strings(Texts.chars('a', 'c'), 2, 5), 8))
                .allMatch(s -> s.length() >= 2 && s.length() <= 5)
                .allMatch(s -> s.chars().allMatch(c -> c >= 'a' && c <= 'c'))
                .anyMatch(s -> s.length() == 2)
                .anyMatch(s -> s.length() == 5);
        assertThat(draw(Texts.strings(Texts.alpha(), 1, 9), 9))
                .allMatch(s -> s.matches("[a-zA-Z]{1,9}"));
        assertThat(draw(Texts.strings(Texts.anyChar(), 1, 1), 10))
                .anyMatch(s -> Character.isSurrogate(s.charAt(0)));
        assertThat(draw(Texts.bytes(0, 4), 11)).allMatch(b -> b.length <= 4);
        assertThat(draw(Gens.constant("x").list(1, 3), 12))
                .allMatch(l -> !l.isEmpty() && l.size() <= 3);
        assertThat(draw(Gens.subsets(List.of(1, 2, 3)), 13)).contains(List.of(), List.of(1, 2, 3));
    }

    @Test
    void choicesFollowTheirWeights() {
        Gen<String> gen =
                Gens.frequency(
                        Gens.weighted(9, Gens.constant("often")),
                        Gens.weighted(1, Gens.of("rare", "seldom")));
        List<String> values = draw(gen, 14);
        long often = values.stream().filter("often"::equals).count();
        assertThat(often).isBetween(DRAWS * 85L / 100, DRAWS * 95L / 100);
        assertThat(values).contains("rare", "seldom");
        assertThat(draw(Gens.oneOf(Gens.constant(1), Gens.constant(2)), 15)).contains(1, 2);
        assertThat(draw(Gens.constant(1).orNull(0.5), 16)).containsNull().contains(1);
    }

    @Test
    void aFilterThatNeverPassesFailsInsteadOfSpinning() {
        Gen<Integer> never = Gens.ints(0, 9).filter(n -> n > 9);
        assertThatThrownBy(() -> never.next(Seeds.random(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rejected");
    }

    @Test
    void aFailingTryNamesItsSeedAndThatSeedReplaysItFirst() {
        Gen<Integer> gen = Gens.ints(0, 1_000);
        Set<Integer> seen = new HashSet<>();
        Tries.forAll(50, 7, gen, seen::add);
        assertThat(seen).hasSizeGreaterThan(10);

        List<Integer> firstRun = new ArrayList<>();
        Throwable failure =
                catchThrowable(
                        () ->
                                Tries.forAll(
                                        1_000,
                                        7,
                                        gen,
                                        n -> {
                                            firstRun.add(n);
                                            assertThat(n).isLessThan(900);
                                        }));
        assertThat(failure).isInstanceOf(AssertionError.class);
        String message = failure.getMessage();
        assertThat(message).contains("try " + firstRun.size() + " of 1000", "-Dforge.seed=");
        long seed = Long.parseLong(message.replaceAll("(?s).*-Dforge\\.seed=(-?\\d+).*", "$1"));
        List<Integer> replay = new ArrayList<>();
        Tries.forAll(1, seed, gen, replay::add);
        assertThat(replay).containsExactly(firstRun.get(firstRun.size() - 1));
    }

    @Test
    void forEveryChecksEveryCaseAndNamesTheFailingOne() {
        List<Integer> seen = new ArrayList<>();
        Tries.forEvery(List.of(1, 2, 3), seen::add);
        assertThat(seen).containsExactly(1, 2, 3);
        assertThatThrownBy(
                        () -> Tries.forEvery(List.of(1, 2, 3), n -> assertThat(n).isNotEqualTo(2)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("case 2 of 3");
    }
}
