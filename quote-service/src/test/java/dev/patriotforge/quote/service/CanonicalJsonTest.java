package dev.patriotforge.quote.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical JSON subset (RFC 8785 rules) and its hash. */
class CanonicalJsonTest {

    @Test
    void membersAreSortedAtEveryLevelWithoutWhitespace() {
        Map<String, Object> inner = new HashMap<>();
        inner.put("b", 2);
        inner.put("a", null);
        Map<String, Object> outer = new HashMap<>();
        outer.put("tax_rate_bps", 825);
        outer.put("taxable_minor", 1L);
        outer.put("tax_minor", BigInteger.TWO);
        outer.put("tax_breakdown", List.of(inner, "x"));
        assertThat(CanonicalJson.write(outer))
                .isEqualTo(
                        "{\"tax_breakdown\":[{\"a\":null,\"b\":2},\"x\"],\"tax_minor\":2,"
                                + "\"tax_rate_bps\":825,\"taxable_minor\":1}");
    }

    @Test
    void namesSortByUtf16CodeUnitsAsJcsSays() {
        // U+1F600 is the surrogate pair D83D DE00, which sorts before U+FB33 in UTF-16 (JCS),
        // though its code point is larger.
        Map<String, Object> map = new HashMap<>();
        map.put("\uFB33", 1);
        map.put("\uD83D\uDE00", 2);
        map.put("\u00E9", 3);
        assertThat(CanonicalJson.write(map))
                .isEqualTo("{\"\u00E9\":3,\"\uD83D\uDE00\":2,\"\uFB33\":1}");
    }

    @Test
    void stringsAreEscapedAsJsonStringifyDoes() {
        assertThat(CanonicalJson.write("a\"b\\c\b\f\n\r\t\u0001\u001f\u007f é€🚧/"))
                .isEqualTo("\"a\\\"b\\\\c\\b\\f\\n\\r\\t\\u0001\\u001f\u007f é€🚧/\"");
        assertThat(CanonicalJson.write("\uD800x")).isEqualTo("\"\\ud800x\"");
    }

    @Test
    void onlyTheSubsetIsWritten() {
        assertThatThrownBy(() -> CanonicalJson.write(new BigDecimal("1.5")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(1.5d))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CanonicalJson.write(Arrays.asList(null, 9_007_199_254_740_991L, -1)))
                .isEqualTo("[null,9007199254740991,-1]");
    }

    @Test
    void theHashIsSha256OfTheUtf8BytesInLowerCaseHex() {
        assertThat(CanonicalJson.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
