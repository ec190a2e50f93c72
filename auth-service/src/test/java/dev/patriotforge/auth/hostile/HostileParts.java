package dev.patriotforge.auth.hostile;

import dev.patriotforge.testsupport.hostile.HostileBody;
import dev.patriotforge.testsupport.http.RawHttp;
import dev.patriotforge.testsupport.http.Targets;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries of hostile URL parts and headers: path segments, query values, Authorization
 * headers and refresh cookies. Everything is already in the form it goes on the wire (percent
 * encoded for the URL; UTF-8 bytes as ISO-8859-1 chars for headers, never CR or LF). The text
 * {@value #TOKEN} stands for a real token of the test, filled in at send time.
 */
final class HostileParts {
    static final String TOKEN = "{token}";
    private static final int MAX_URL_PART = 3_000;

    /** Below the gateway's 16 KiB header line, which answers 431 itself above it. */
    private static final int MAX_HEADER = 15_000;

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private HostileParts() {}

    /** Segments that are not UUIDs, or are UUIDs spelled oddly, traversal and bad encodings. */
    static final List<String> RAW_SEGMENTS =
            List.of(
                    "%00",
                    "a%00b",
                    "%2e%2e",
                    "..%2F..%2Fme",
                    "%2e%2e%2fusers",
                    "..",
                    ".",
                    "...",
                    "..;",
                    "%252e%252e%252f",
                    "%C0%AE%C0%AE",
                    "%FF%FE",
                    "%ED%A0%80",
                    "%E2%80%AE",
                    "%0d%0aSet-Cookie:%20a=b",
                    "%09",
                    "%20",
                    "+",
                    ";a=b",
                    "*",
                    "%7B00000000-0000-0000-0000-000000000000%7D",
                    "00000000-0000-0000-0000-000000000000",
                    "00000000000000000000000000000000",
                    "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
                    "0-0-0-0-0",
                    "1-2-3-4-5",
                    "00000000-0000-0000-0000-000000000000%00",
                    "%2000000000-0000-0000-0000-000000000000",
                    "-1",
                    "9".repeat(100),
                    "x".repeat(MAX_URL_PART),
                    "me",
                    "null");

    /** Query values that are not numbers, bad encodings and numbers out of range. */
    static final List<String> RAW_QUERY_VALUES =
            List.of(
                    "",
                    "%00",
                    "%C0%AE",
                    "%FF",
                    "%ED%A0%80",
                    "1%00",
                    "%201%20",
                    "+1",
                    "0x10",
                    "1e2",
                    "1.0",
                    "%D9%A1%D9%A0",
                    "2147483648",
                    "-2147483649",
                    "99999999999999999999",
                    "-0",
                    "customer%00",
                    "ADMIN",
                    "admin%20",
                    "a%26limit%3D0",
                    "x".repeat(MAX_URL_PART));

    static Arbitrary<String> pathSegments() {
        return Arbitraries.frequencyOf(
                Tuple.of(
                        3,
                        strings()
                                .map(Targets::percentEncode)
                                .filter(s -> !s.isEmpty() && s.length() <= MAX_URL_PART)),
                Tuple.of(3, Arbitraries.of(RAW_SEGMENTS)));
    }

    static Arbitrary<String> queryValues() {
        return Arbitraries.frequencyOf(
                Tuple.of(
                        3,
                        strings()
                                .map(Targets::percentEncode)
                                .filter(s -> s.length() <= MAX_URL_PART)),
                Tuple.of(3, Arbitraries.of(RAW_QUERY_VALUES)),
                Tuple.of(2, cursors()));
    }

    /** Base64url cursors whose content is almost, or not at all, what the service encodes. */
    static Arbitrary<String> cursors() {
        Arbitrary<String> micros =
                Arbitraries.oneOf(
                        Arbitraries.longs().map(n -> Long.toString(n)),
                        Arbitraries.of(
                                Long.toString(Long.MIN_VALUE),
                                Long.toString(Long.MAX_VALUE),
                                "-1",
                                "253402300800000000",
                                "-62135596800000001",
                                "1e3",
                                "",
                                "0x1"));
        Arbitrary<String> ids =
                Arbitraries.oneOf(
                        Arbitraries.of(
                                "00000000-0000-0000-0000-000000000000",
                                "0-0-0-0-0",
                                "ffffffff-ffff-ffff-ffff-ffffffffffff",
                                "",
                                ":",
                                "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"),
                        strings().filter(s -> s.length() < 200));
        return Arbitraries.oneOf(
                Combinators.combine(micros, ids)
                        .as((m, id) -> m + ":" + id)
                        .map(text -> B64.encodeToString(text.getBytes(StandardCharsets.UTF_8))),
                strings()
                        .filter(s -> s.length() < 500)
                        .map(s -> B64.encodeToString(s.getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * Header text: UTF-8 bytes as ISO-8859-1 chars, control characters other than tab dropped (CR
     * and LF would inject headers; the HTTP parser refuses the others before the application sees
     * the request, see HttpLayerTest).
     */
    static String headerText(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints()
                .filter(c -> c == '\t' || !(c < 0x20 || c == 0x7f))
                .forEach(b::appendCodePoint);
        return RawHttp.utf8AsLatin1(b.toString());
    }

    static Arbitrary<String> authorizationHeaders() {
        return Arbitraries.frequencyOf(
                Tuple.of(
                        3,
                        strings()
                                .map(s -> "Bearer " + headerText(s))
                                .filter(s -> s.length() <= MAX_HEADER)),
                Tuple.of(
                        2,
                        Arbitraries.of(
                                "",
                                "Bearer",
                                "Bearer ",
                                "Bearer  ",
                                "Basic Zm9yZ2U6Zm9yZ2U=",
                                "Digest username=\"admin\"",
                                "Token abc",
                                "Bearer a b",
                                "Bearer\ttab",
                                headerText("Bearer \u00e9\u202e\uD83D\uDE00"))),
                Tuple.of(
                        2,
                        Arbitraries.of(0, 1, 2, 3, 4, 100, 4_000)
                                .map(n -> "Bearer " + ".".repeat(n))),
                Tuple.of(1, Arbitraries.of("a.b.c.d.e", "a..b", ".a.b", "a.b.", "...a")),
                Tuple.of(
                        3,
                        forgedTokens()
                                .filter(t -> t.length() <= MAX_HEADER)
                                .map(t -> "Bearer " + t)),
                Tuple.of(1, Arbitraries.of(8_000, 15_000).map(n -> "Bearer " + "A".repeat(n))),
                Tuple.of(
                        2,
                        Arbitraries.of(
                                "Bearer " + TOKEN + "x",
                                "Bearer x" + TOKEN,
                                "Bearer " + TOKEN + ".",
                                "Bearer " + TOKEN + "==",
                                "Bearer " + TOKEN + " " + TOKEN,
                                "Bearer " + TOKEN + "," + TOKEN,
                                "Basic " + TOKEN,
                                "bearer " + TOKEN,
                                "BEARER " + TOKEN,
                                "Bearer  " + TOKEN,
                                TOKEN)));
    }

    /** Three base64url parts whose header and payload are hostile JSON (or not JSON at all). */
    static Arbitrary<String> forgedTokens() {
        Arbitrary<String> headers =
                Arbitraries.oneOf(
                        Arbitraries.of(
                                "{\"alg\":\"none\",\"typ\":\"at+jwt\"}",
                                "{\"alg\":\"RS256\",\"typ\":\"at+jwt\"}",
                                "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"../../../dev/null\"}",
                                "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"' OR '1'='1\"}",
                                "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"\"}",
                                "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"crit\":[\"x\"],\"x\":1}",
                                "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"jku\":\"http://127.0.0.1:1/\"}",
                                "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"zip\":\"DEF\"}",
                                "{\"alg\":[\"RS256\"],\"typ\":{}}",
                                "{\"alg\":\"RS256\",\"alg\":\"none\"}"),
                        AuthHostile.VALUES.values().map(HostileBody::text));
        Arbitrary<String> payloads =
                Arbitraries.oneOf(
                        Arbitraries.of(
                                "{}",
                                "{\"sub\":\"x\",\"sid\":\"y\",\"exp\":1e400,\"iat\":-1}",
                                "{\"sub\":null,\"groups\":\"admin\",\"exp\":99999999999999999999}",
                                "{\"iss\":\"https://auth.patriotforge.local\","
                                        + "\"aud\":\"patriotforge-api\",\"exp\":4102444800,"
                                        + "\"sub\":\"00000000-0000-0000-0000-000000000000\","
                                        + "\"groups\":[\"admin\"]}"),
                        AuthHostile.VALUES.values().map(HostileBody::text));
        Arbitrary<String> signatures =
                Arbitraries.of("", "AAAA", "!!!", "a".repeat(342), "%00", "=");
        return Combinators.combine(headers, payloads, signatures, Arbitraries.of(true, false))
                .as(
                        (h, p, sig, encode) ->
                                (encode ? b64(h) : headerText(h))
                                        + "."
                                        + (encode ? b64(p) : headerText(p))
                                        + "."
                                        + sig);
    }

    static Arbitrary<String> refreshCookies() {
        return Arbitraries.frequencyOf(
                Tuple.of(
                        3,
                        strings()
                                .map(s -> "forge_refresh=" + headerText(s))
                                .filter(s -> s.length() <= MAX_HEADER)),
                Tuple.of(
                        3,
                        Arbitraries.of(
                                "forge_refresh=",
                                "forge_refresh",
                                "forge_refresh=\"\"",
                                "forge_refresh=\"abc\"",
                                "forge_refresh=a;forge_refresh=b",
                                "forge_refresh=a, forge_refresh=b",
                                "forge_refresh==",
                                "forge_refresh=%00",
                                "forge_refresh=" + "A".repeat(43),
                                "forge_refresh=" + "A".repeat(8_000),
                                "FORGE_REFRESH=" + TOKEN,
                                "forge_refresh=" + TOKEN + "x",
                                "forge_refresh=\"" + TOKEN + "\"",
                                "forge_refresh=" + TOKEN + "; forge_refresh=" + TOKEN,
                                "forge_refresh=garbage; forge_refresh=" + TOKEN,
                                "forge_refresh=" + TOKEN,
                                "=; ;;; forge_refresh=" + TOKEN)));
    }

    private static Arbitrary<String> strings() {
        return AuthHostile.VALUES.strings();
    }

    private static String b64(String s) {
        return B64.encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
