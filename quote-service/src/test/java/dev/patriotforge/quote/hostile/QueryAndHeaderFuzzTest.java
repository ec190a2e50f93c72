package dev.patriotforge.quote.hostile;

import static dev.patriotforge.quote.support.QuoteApi.BASE;
import static dev.patriotforge.testsupport.random.Gens.weighted;

import dev.patriotforge.quote.support.TestUser;
import dev.patriotforge.shared.api.KeysetCursor;
import dev.patriotforge.testsupport.hostile.Fuzz;
import dev.patriotforge.testsupport.http.RawHttp;
import dev.patriotforge.testsupport.http.RequestCount;
import dev.patriotforge.testsupport.http.Targets;
import dev.patriotforge.testsupport.random.Gen;
import dev.patriotforge.testsupport.random.Gens;
import dev.patriotforge.testsupport.random.Texts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Random list parameters ({@code limit}, {@code cursor}, {@code status} twice, {@code customer_id})
 * and headers ({@code If-Match}, {@code Idempotency-Key}, {@code X-Request-Id}, {@code
 * Authorization}) as seeded samples: every answer is a page, a quote or a 4xx problem document; a
 * customer's page never shows a victim's quotes and staff never see the victim's draft; refused
 * writes change nothing and accepted ones store what they answered.
 */
@QuarkusTest
class QueryAndHeaderFuzzTest {
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Inject AgroalDataSource db;

    private Victim victim;

    @BeforeAll
    static void startCounting() {
        RequestCount.start();
    }

    @AfterAll
    static void printCount() {
        RequestCount.print(QueryAndHeaderFuzzTest.class);
    }

    @BeforeEach
    void aVictimsQuotes() {
        victim = Victim.create(db);
    }

    @Test
    void hostileListParametersAreAPageOrAProblemAndHideOthersQuotes() {
        Fuzz fuzz = Fuzz.named("query parameters");
        Answers answers = new Answers(fuzz);
        List<TestUser> callers = List.of(TestUser.customer(), TestUser.staff(), TestUser.admin());
        Gen<String> limit =
                Gens.oneOf(
                        Gens.of(
                                "",
                                "0",
                                "1",
                                "100",
                                "101",
                                "-1",
                                " 5 ",
                                "1e2",
                                "0x10",
                                "5.0",
                                "99999999999999999999",
                                "-2147483649",
                                "\u0663",
                                "\uff15",
                                "NaN"),
                        Gens.anyInt().map(String::valueOf),
                        QuoteHostile.VALUES.strings());
        Gen<String> cursor =
                Gens.oneOf(
                        QuoteHostile.VALUES.strings(),
                        QuoteHostile.VALUES.strings().map(QueryAndHeaderFuzzTest::base64url),
                        Gens.of(
                                        Long.MIN_VALUE,
                                        Long.MAX_VALUE,
                                        -1L,
                                        0L,
                                        253_402_300_800_000_000L,
                                        -62_135_596_800_000_000L,
                                        1_800_000_000_000_000L)
                                .flatMap(
                                        micros ->
                                                Gens.of(
                                                                UUID.randomUUID().toString(),
                                                                "1-1-1-1-1",
                                                                "",
                                                                "not-a-uuid")
                                                        .map(id -> base64url(micros + ":" + id))),
                        Gens.constant(
                                new KeysetCursor(Instant.now(), UUID.randomUUID()).encode() + "=="),
                        Gens.of("AAAA", "////", "++++", "=", "%", "%zz"));
        Gen<String> status =
                Gens.oneOf(
                        Gens.of(
                                "draft",
                                "submitted",
                                "priced",
                                "accepted",
                                "declined",
                                "expired",
                                "cancelled",
                                "DRAFT",
                                "draft,priced",
                                ",",
                                "",
                                " draft",
                                "draft\u0000",
                                "deleted"),
                        QuoteHostile.VALUES.strings());
        Gen<String> customerId =
                Gens.oneOf(
                        Gens.of(
                                victim.user().id().toString(),
                                victim.user().id().toString().toUpperCase(Locale.ROOT),
                                "00000000-0000-0000-0000-000000000000",
                                "1-1-1-1-1",
                                "",
                                victim.user().id() + "%00",
                                victim.user().id() + "' OR '1'='1"),
                        QuoteHostile.VALUES.strings());
        Gen<String> query =
                Gens.sequence(
                                List.of(
                                        maybe("limit", limit),
                                        maybe("cursor", cursor),
                                        maybe("status", status),
                                        maybe("status", status),
                                        maybe("customer_id", customerId)))
                        .map(
                                parts ->
                                        String.join(
                                                "&",
                                                parts.stream().filter(p -> !p.isEmpty()).toList()));
        List<String> queries = fuzz.samples(query, 160);
        for (int i = 0; i < queries.size(); i++) {
            TestUser caller = callers.get(i % callers.size());
            RawHttp.Request request =
                    RawHttp.Request.of("GET", BASE + "?" + queries.get(i)).as(caller);
            victim.untouched(answers, request, answers.send(request), i % callers.size() == 0);
        }
        answers.report();
    }

    @Test
    void hostileHeadersAreAnsweredCleanly() {
        Fuzz fuzz = Fuzz.named("headers");
        Answers answers = new Answers(fuzz);
        TestUser owner = TestUser.customer();
        Guard guard = new Guard(db, answers, owner);
        Gen<String> value =
                Gens.oneOf(
                        QuoteHostile.VALUES
                                .strings()
                                .filter(t -> t.indexOf('\r') < 0 && t.indexOf('\n') < 0)
                                .filter(t -> t.length() < 10_000),
                        Gens.of(
                                "*",
                                "\"0\"",
                                "\"1\"",
                                "W/\"0\"",
                                "\"0\", \"1\"",
                                "\"-1\"",
                                "\"99999999999999999999\"",
                                ",,,",
                                "\"",
                                "",
                                "  ",
                                "*, \"0\"",
                                "a\r\nX-Injected: yes",
                                "x".repeat(255),
                                "x".repeat(256),
                                "x".repeat(8_000)),
                        Texts.strings(Texts.anyChar(), 1, 300));
        String draft = Calls.draft(owner);
        guard.rebase();
        for (String ifMatch : fuzz.samples(value, 60)) {
            RawHttp.Request patch =
                    RawHttp.Request.of("PATCH", BASE + "/" + draft)
                            .as(owner)
                            .header("If-Match", ifMatch)
                            .json("{\"notes\":\"" + UUID.randomUUID() + "\"}");
            guard.send(patch);
            RawHttp.Request delete =
                    RawHttp.Request.of("DELETE", BASE + "/" + draft)
                            .as(owner)
                            .header("If-Match", ifMatch);
            if (guard.send(delete).status() == 204) {
                draft = Calls.draft(owner);
                guard.rebase();
            }
        }
        String valid = "{\"title\":\"t\",\"items\":[{\"description\":\"d\",\"quantity\":1}]}";
        for (String key : fuzz.samples(value, 40)) {
            guard.send(
                    RawHttp.Request.of("POST", BASE)
                            .as(owner)
                            .header("Idempotency-Key", key)
                            .json(valid));
        }
        for (String id : fuzz.samples(value, 30)) {
            RawHttp.Request request =
                    RawHttp.Request.of("GET", BASE + "/" + draft)
                            .as(owner)
                            .header("X-Request-Id", id);
            RawHttp.Response response = answers.send(request);
            String echoed = response.header("X-Request-Id");
            if (echoed != null && !SANE_REQUEST_ID.matcher(echoed).matches()) {
                answers.failWith(request, response, "an unsafe X-Request-Id was echoed");
            }
        }
        for (String token : fuzz.samples(value, 30)) {
            guard.refused(
                    RawHttp.Request.of("GET", BASE).header("Authorization", "Bearer " + token));
        }
        answers.report();
    }

    private static Gen<String> maybe(String name, Gen<String> value) {
        return Gens.frequency(
                weighted(1, Gens.constant("")),
                weighted(3, value.map(v -> name + "=" + Targets.percentEncode(v))),
                weighted(1, value.filter(v -> v.length() < 100).map(v -> name + "=" + v)));
    }

    private static String base64url(String text) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
