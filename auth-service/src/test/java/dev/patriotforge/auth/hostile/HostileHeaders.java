package dev.patriotforge.auth.hostile;

import static dev.patriotforge.auth.hostile.HostileParts.TOKEN;
import static dev.patriotforge.testsupport.random.Gens.weighted;

import dev.patriotforge.testsupport.hostile.HostileBody;
import dev.patriotforge.testsupport.http.RawHttp;
import dev.patriotforge.testsupport.random.Gen;
import dev.patriotforge.testsupport.random.Gens;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Generators of hostile Authorization headers and refresh cookies, already in the form they go on
 * the wire: UTF-8 bytes as ISO-8859-1 chars, never CR or LF. The text {@value HostileParts#TOKEN}
 * stands for a real token of the test, filled in at send time.
 */
final class HostileHeaders {
    /** Below the gateway's 16 KiB header line, which answers 431 itself above it. */
    private static final int MAX_HEADER = 15_000;

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private HostileHeaders() {}

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

    static Gen<String> authorizationHeaders() {
        return Gens.frequency(
                weighted(
                        3,
                        strings()
                                .map(s -> "Bearer " + headerText(s))
                                .filter(s -> s.length() <= MAX_HEADER)),
                weighted(
                        2,
                        Gens.of(
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
                weighted(2, Gens.of(0, 1, 2, 3, 4, 100, 4_000).map(n -> "Bearer " + ".".repeat(n))),
                weighted(1, Gens.of("a.b.c.d.e", "a..b", ".a.b", "a.b.", "...a")),
                weighted(
                        3,
                        forgedTokens()
                                .filter(t -> t.length() <= MAX_HEADER)
                                .map(t -> "Bearer " + t)),
                weighted(1, Gens.of(8_000, 15_000).map(n -> "Bearer " + "A".repeat(n))),
                weighted(
                        2,
                        Gens.of(
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
    static Gen<String> forgedTokens() {
        Gen<String> headers =
                Gens.oneOf(
                        Gens.of(
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
        Gen<String> payloads =
                Gens.oneOf(
                        Gens.of(
                                "{}",
                                "{\"sub\":\"x\",\"sid\":\"y\",\"exp\":1e400,\"iat\":-1}",
                                "{\"sub\":null,\"groups\":\"admin\",\"exp\":99999999999999999999}",
                                "{\"iss\":\"https://auth.patriotforge.local\","
                                        + "\"aud\":\"patriotforge-api\",\"exp\":4102444800,"
                                        + "\"sub\":\"00000000-0000-0000-0000-000000000000\","
                                        + "\"groups\":[\"admin\"]}"),
                        AuthHostile.VALUES.values().map(HostileBody::text));
        Gen<String> signatures = Gens.of("", "AAAA", "!!!", "a".repeat(342), "%00", "=");
        return random -> {
            String h = headers.next(random);
            String p = payloads.next(random);
            String sig = signatures.next(random);
            boolean encode = random.nextBoolean();
            return (encode ? b64(h) : headerText(h))
                    + "."
                    + (encode ? b64(p) : headerText(p))
                    + "."
                    + sig;
        };
    }

    static Gen<String> refreshCookies() {
        return Gens.frequency(
                weighted(
                        3,
                        strings()
                                .map(s -> "forge_refresh=" + headerText(s))
                                .filter(s -> s.length() <= MAX_HEADER)),
                weighted(
                        3,
                        Gens.of(
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

    private static Gen<String> strings() {
        return AuthHostile.VALUES.strings();
    }

    private static String b64(String s) {
        return B64.encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
