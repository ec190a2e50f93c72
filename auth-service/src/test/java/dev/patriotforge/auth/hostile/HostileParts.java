package dev.patriotforge.auth.hostile;

import static dev.patriotforge.testsupport.random.Gens.weighted;

import dev.patriotforge.testsupport.http.Targets;
import dev.patriotforge.testsupport.random.Gen;
import dev.patriotforge.testsupport.random.Gens;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Generators of hostile URL parts: path segments, query values and list cursors, already percent
 * encoded as they go on the wire. Headers and cookies are in {@link HostileHeaders}; in both, the
 * text {@value #TOKEN} stands for a real token of the test, filled in at send time.
 */
final class HostileParts {
    static final String TOKEN = "{token}";
    private static final int MAX_URL_PART = 3_000;

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

    static Gen<String> pathSegments() {
        return Gens.frequency(
                weighted(
                        3,
                        strings()
                                .map(Targets::percentEncode)
                                .filter(s -> !s.isEmpty() && s.length() <= MAX_URL_PART)),
                weighted(3, Gens.of(RAW_SEGMENTS)));
    }

    static Gen<String> queryValues() {
        return Gens.frequency(
                weighted(
                        3,
                        strings()
                                .map(Targets::percentEncode)
                                .filter(s -> s.length() <= MAX_URL_PART)),
                weighted(3, Gens.of(RAW_QUERY_VALUES)),
                weighted(2, cursors()));
    }

    /** Base64url cursors whose content is almost, or not at all, what the service encodes. */
    static Gen<String> cursors() {
        Gen<String> micros =
                Gens.oneOf(
                        Gens.anyLong().map(n -> Long.toString(n)),
                        Gens.of(
                                Long.toString(Long.MIN_VALUE),
                                Long.toString(Long.MAX_VALUE),
                                "-1",
                                "253402300800000000",
                                "-62135596800000001",
                                "1e3",
                                "",
                                "0x1"));
        Gen<String> ids =
                Gens.oneOf(
                        Gens.of(
                                "00000000-0000-0000-0000-000000000000",
                                "0-0-0-0-0",
                                "ffffffff-ffff-ffff-ffff-ffffffffffff",
                                "",
                                ":",
                                "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"),
                        strings().filter(s -> s.length() < 200));
        Gen<String> pairs = random -> micros.next(random) + ":" + ids.next(random);
        return Gens.oneOf(
                pairs.map(text -> B64.encodeToString(text.getBytes(StandardCharsets.UTF_8))),
                strings()
                        .filter(s -> s.length() < 500)
                        .map(s -> B64.encodeToString(s.getBytes(StandardCharsets.UTF_8))));
    }

    private static Gen<String> strings() {
        return AuthHostile.VALUES.strings();
    }
}
