package dev.patriotforge.testsupport.hostile;

import static dev.patriotforge.testsupport.random.Gens.weighted;

import dev.patriotforge.testsupport.hostile.HostileBody.Member;
import dev.patriotforge.testsupport.hostile.HostileBody.Obj;
import dev.patriotforge.testsupport.hostile.HostileBody.Raw;
import dev.patriotforge.testsupport.random.Gen;
import dev.patriotforge.testsupport.random.Gens;
import dev.patriotforge.testsupport.random.Numbers;
import dev.patriotforge.testsupport.random.Texts;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Generators of the values an attacker puts in JSON, as {@link HostileBody} values: strings with
 * control characters, lone surrogates, odd Unicode, injections and lengths around every limit up to
 * far past the body limit; numbers at the edges of every type and near-numbers that are not JSON;
 * values of every type nested a few levels (for deeper ones, {@link Nesting}). What is particular
 * to a service (its words, its length limits, the member names it must refuse) is its {@link
 * Vocabulary}.
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

    /** The bound of the big integers drawn: 10^40. */
    private static final BigInteger BIG = BigInteger.TEN.pow(40);

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
    public Gen<String> strings() {
        List<String> special = new ArrayList<>(NASTY);
        special.addAll(words);
        return Gens.frequency(
                weighted(6, Gens.of(special)),
                weighted(4, Texts.strings(Texts.anyChar(), 0, 40)),
                weighted(2, Texts.strings(Texts.chars('\u0000', '\u001f'), 0, 8)),
                weighted(1, Texts.strings(Texts.chars('\ud800', '\udfff'), 0, 6)),
                weighted(2, Texts.strings(Texts.chars('\u0080', '\uffff'), 0, 20)),
                weighted(2, sizedStrings()));
    }

    /** Strings at and around every length limit of the service, and huge ones. */
    public Gen<String> sizedStrings() {
        Gen<Integer> n = Gens.of(lengths);
        Gen<String> unit = Gens.of(UNITS);
        return random -> unit.next(random).repeat(n.next(random));
    }

    /** JSON number literals far outside every range, and near-numbers that are not JSON. */
    public Gen<Raw> numbers() {
        return Gens.<String>oneOf(
                        Gens.of(NUMBERS),
                        Gens.anyInt().map(String::valueOf),
                        Gens.anyLong().map(String::valueOf),
                        Numbers.doubles().map(String::valueOf).filter(d -> !d.contains("N")),
                        Numbers.bigIntegers(BIG.negate(), BIG).map(String::valueOf),
                        Numbers.bigDecimals(new BigDecimal("-1e12"), new BigDecimal("1e12"), 6)
                                .map(BigDecimal::toPlainString))
                .map(Raw::new);
    }

    /** A string, a number, true, false or null. */
    public Gen<Object> scalars() {
        return Gens.frequency(
                weighted(5, strings()),
                weighted(4, numbers()),
                weighted(2, Gens.booleans()),
                weighted(1, Gens.constant(new Raw("null"))));
    }

    /** Member names: the service's keys and hostile strings. */
    public Gen<String> memberNames() {
        return keys.isEmpty()
                ? strings()
                : Gens.frequency(weighted(3, Gens.of(keys)), weighted(2, strings()));
    }

    /**
     * Any JSON value, nested up to three levels (each depth as likely), with hostile strings,
     * numbers and keys.
     */
    public Gen<Object> values() {
        return Gens.ints(0, 3).flatMap(this::values);
    }

    /** Values nested exactly {@code depth} levels: arrays of up to 4, objects of up to 3. */
    private Gen<Object> values(int depth) {
        if (depth == 0) {
            return scalars();
        }
        Gen<Object> inner = values(depth - 1);
        Gen<String> names = memberNames();
        Gen<Member> member = random -> new Member(names.next(random), inner.next(random));
        return Gens.oneOf(inner.list(0, 4), member.list(0, 3).map(Obj::new));
    }
}
