package dev.patriotforge.testsupport.hostile;

import dev.patriotforge.testsupport.hostile.HostileBody.Member;
import dev.patriotforge.testsupport.hostile.HostileBody.Obj;
import dev.patriotforge.testsupport.hostile.HostileBody.Raw;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries of the values an attacker puts in JSON, as {@link HostileBody} values: strings
 * with control characters, lone surrogates, odd Unicode, injections and lengths around every limit
 * up to far past the body limit; numbers at the edges of every type and near-numbers that are not
 * JSON; values of every type nested a few levels (for deeper ones, {@link Nesting}). What is
 * particular to a service (its words, its length limits, the member names it must refuse) is its
 * {@link Vocabulary}.
 */
public final class HostileValues {
    /**
     * What a service adds: {@code words} that mean something to it (roles, statuses, its table
     * names), the {@code limits} of its string lengths (each is drawn at, below and above), and the
     * {@code keys} an attacker tries as member names (fields it owns, other spellings).
     */
    public record Vocabulary(List<String> words, List<Integer> limits, List<String> keys) {}

    /** Strings that broke services before: control and format characters, odd Unicode. */
    static final List<String> NASTY =
            List.of(
                    "",
                    " ",
                    "\u0000",
                    "a\u0000b",
                    "\t\n\r",
                    "\u0001\u001f\u007f",
                    "\u007f\u0085",
                    "\u0085\u2028\u2029",
                    "\u202Egpj.exe",
                    "\u202eevil\u202c",
                    "\u200B\u200D\uFEFF",
                    "\u200b\u200d\u2060",
                    "\ufeff",
                    "e\u0301\u0301\u0301",
                    "\uD83D\uDE00\uD83D\uDC68\u200D\uD83D\uDC69",
                    "\uD835\uDD18\uD835\uDD2B\uD835\uDD26",
                    "\uD800",
                    "\uDC00",
                    "\uDFFF",
                    "x\uDBFFy",
                    "x\uDBFF\uDBFFy",
                    "\uDC00\uD800",
                    "\uFFFF\uFFFE",
                    "' OR '1'='1' --",
                    "${jndi:ldap://127.0.0.1:1/a}",
                    "<script>alert(1)</script>",
                    "../../../../etc/passwd",
                    "%00",
                    "%zz",
                    "%s%s%s%n",
                    "{{7*7}}",
                    "#{7*7}",
                    "null",
                    "NaN",
                    "1e400",
                    "00000000-0000-0000-0000-000000000000",
                    "1-1-1-1-1",
                    "2026-13-45T25:61:61Z",
                    "+999999999-12-31T23:59:59Z");

    /** Numbers far out of every range, and near-numbers that are not JSON. */
    static final List<String> NUMBERS =
            List.of(
                    "0",
                    "-0",
                    "-0.0",
                    "0.000",
                    "1.5",
                    "-1",
                    "1e2",
                    "1E3",
                    "0.001",
                    "0.0001",
                    "1e400",
                    "-1e400",
                    "1e-400",
                    "1E+2147483648",
                    "1e-2147483649",
                    "1e999999999999",
                    "2147483648",
                    "9007199254740993",
                    "9223372036854775808",
                    "-9223372036854775809",
                    "123456789012345678901234567890123456789",
                    "1000000",
                    "1000000.001",
                    "1000000.0000000000001",
                    "1" + "0".repeat(1500),
                    "0." + "0".repeat(1500) + "1",
                    "9".repeat(1200),
                    "NaN",
                    "Infinity",
                    "-Infinity",
                    "+1",
                    "01",
                    ".5",
                    "1.",
                    "0x10",
                    "1e",
                    "--1");

    /** Lengths every service sees drawn, besides those around its own limits. */
    private static final List<Integer> LENGTHS = List.of(0, 1, 1_025, 5_001, 70_000, 400_000);

    private static final List<String> UNITS =
            List.of("x", "\u00e9", "\uD83D\uDE00", " ", "\u0000", "\u0301");

    private final List<String> words;
    private final List<Integer> lengths;
    private final List<String> keys;

    public HostileValues(Vocabulary vocabulary) {
        this.words = List.copyOf(vocabulary.words());
        TreeSet<Integer> around = new TreeSet<>(LENGTHS);
        for (int limit : vocabulary.limits()) {
            around.addAll(List.of(limit - 1, limit, limit + 1));
        }
        this.lengths = List.copyOf(around);
        this.keys = List.copyOf(vocabulary.keys());
    }

    /** The member names an attacker tries on this service. */
    public List<String> keys() {
        return keys;
    }

    /** Strings an attacker might send, as Java strings (lone surrogates included). */
    public Arbitrary<String> strings() {
        List<String> special = new ArrayList<>(NASTY);
        special.addAll(words);
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(special)),
                Tuple.of(4, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(2, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(8)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\ud800', '\udfff').ofMaxLength(6)),
                Tuple.of(
                        2, Arbitraries.strings().withCharRange('\u0080', '\uffff').ofMaxLength(20)),
                Tuple.of(2, sizedStrings()));
    }

    /** Strings at and around every length limit of the service, and huge ones. */
    public Arbitrary<String> sizedStrings() {
        return Combinators.combine(Arbitraries.of(lengths), Arbitraries.of(UNITS))
                .as((n, unit) -> unit.repeat(n));
    }

    /** JSON number literals far outside every range, and near-numbers that are not JSON. */
    public Arbitrary<Raw> numbers() {
        return Arbitraries.oneOf(
                        Arbitraries.of(NUMBERS),
                        Arbitraries.integers().map(String::valueOf),
                        Arbitraries.longs().map(String::valueOf),
                        Arbitraries.doubles().map(String::valueOf).filter(d -> !d.contains("N")),
                        Arbitraries.bigIntegers()
                                .between(
                                        new java.math.BigInteger("-1" + "0".repeat(40)),
                                        new java.math.BigInteger("1" + "0".repeat(40)))
                                .map(String::valueOf),
                        Arbitraries.bigDecimals()
                                .between(
                                        new java.math.BigDecimal("-1e12"),
                                        new java.math.BigDecimal("1e12"))
                                .ofScale(6)
                                .map(java.math.BigDecimal::toPlainString))
                .map(Raw::new);
    }

    /** A string, a number, true, false or null. */
    public Arbitrary<Object> scalars() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, strings().map(s -> (Object) s)),
                Tuple.of(4, numbers().map(n -> (Object) n)),
                Tuple.of(2, Arbitraries.of(true, false).map(b -> (Object) b)),
                Tuple.of(1, Arbitraries.just(new Raw("null"))));
    }

    /** Member names: the service's keys and hostile strings. */
    public Arbitrary<String> memberNames() {
        return keys.isEmpty()
                ? strings()
                : Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.of(keys)), Tuple.of(2, strings()));
    }

    /** Any JSON value, nested up to three levels, with hostile strings, numbers and keys. */
    public Arbitrary<Object> values() {
        return Arbitraries.recursive(
                this::scalars,
                inner ->
                        Arbitraries.oneOf(
                                inner.list().ofMaxSize(4).map(list -> (Object) list),
                                Combinators.combine(memberNames(), inner)
                                        .as(Member::new)
                                        .list()
                                        .ofMaxSize(3)
                                        .map(members -> (Object) new Obj(members))),
                0,
                3);
    }
}
