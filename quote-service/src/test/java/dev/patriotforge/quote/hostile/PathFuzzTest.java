package dev.patriotforge.quote.hostile;

import static dev.patriotforge.quote.support.QuoteApi.BASE;
import static dev.patriotforge.testsupport.random.Gens.weighted;

import dev.patriotforge.quote.support.TestUser;
import dev.patriotforge.testsupport.hostile.Fuzz;
import dev.patriotforge.testsupport.http.Management;
import dev.patriotforge.testsupport.http.RawHttp;
import dev.patriotforge.testsupport.http.RequestCount;
import dev.patriotforge.testsupport.http.Targets;
import dev.patriotforge.testsupport.random.Gen;
import dev.patriotforge.testsupport.random.Gens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Random quote ids in the path (seeded samples: hostile text percent-encoded and raw, traversal
 * towards a victim's quotes, ids of other forms) with every method, sent by an attacker while a
 * victim's draft and submitted quote sit in the database: every answer is a 2xx or a 4xx problem
 * document, the victim's rows never change, no answer shows the victim's quotes, and no path a
 * client makes up becomes a metric tag. HTTP that is not valid at all gets Vert.x's own refusal.
 */
@QuarkusTest
class PathFuzzTest {
    @Inject AgroalDataSource db;

    private Victim victim;

    @BeforeAll
    static void startCounting() {
        RequestCount.start();
    }

    @AfterAll
    static void printCount() {
        RequestCount.print(PathFuzzTest.class);
    }

    @BeforeEach
    void aVictimsQuotes() {
        victim = Victim.create(db);
    }

    @Test
    void hostileQuoteIdsInThePathAreAProblemAndReachNobodysQuote() {
        Fuzz fuzz = Fuzz.named("path parameters");
        Answers answers = new Answers(fuzz);
        TestUser attacker = TestUser.customer();
        Gen<String> segment =
                Gens.frequency(
                        weighted(3, QuoteHostile.VALUES.strings().map(Targets::percentEncode)),
                        weighted(3, Gens.of(rawSegments())),
                        weighted(1, QuoteHostile.VALUES.strings().filter(t -> t.length() < 200)));
        Gen<Call> call =
                Gens.of(
                        new Call("GET", ""),
                        new Call("GET", "/events"),
                        new Call("PATCH", ""),
                        new Call("DELETE", ""),
                        new Call("POST", "/submit"),
                        new Call("POST", "/price"),
                        new Call("POST", "/accept"),
                        new Call("POST", "/request-changes"),
                        new Call("GET", "/revisions"),
                        new Call("GET", "/revisions/1"),
                        new Call("GET", "/revisions/1/pdf"),
                        new Call("POST", "/decline"),
                        new Call("POST", "/cancel"),
                        new Call("PUT", ""),
                        new Call("OPTIONS", ""),
                        new Call("HEAD", ""),
                        new Call("TRACE", ""),
                        new Call("PROPFIND", "/events"));
        Gen<Call> calls =
                random -> {
                    String id = segment.next(random);
                    Call c = call.next(random);
                    return new Call(c.method(), "/" + id + c.suffix());
                };
        List<Call> samples = fuzz.samples(calls, 160);
        for (Call sample : samples) {
            String method = sample.method();
            RawHttp.Request request =
                    RawHttp.Request.of(method, BASE + sample.suffix())
                            .as(attacker)
                            .header("If-Match", "*");
            if (method.equals("PATCH") || sample.suffix().endsWith("/price")) {
                request =
                        request.json(
                                method.equals("PATCH")
                                        ? "{\"title\":\"pwned\"}"
                                        : "{\"items\":[{\"id\":\""
                                                + UUID.randomUUID()
                                                + "\",\"unit_price_minor\":1}],\"tax_rate_bps\":0,"
                                                + "\"valid_until\":\""
                                                + Instant.now().plusSeconds(86_400)
                                                + "\"}");
            }
            victim.untouched(answers, request, answers.send(request), true);
        }
        answers.report();
    }

    @Test
    void pathsNoResourceMethodTakesNeverBecomeMetricTags() {
        Answers answers = new Answers(Fuzz.fixed("metric tags"));
        TestUser attacker = TestUser.customer();
        String marker = "tag" + UUID.randomUUID().toString().replace("-", "");
        for (String method : List.of("PUT", "TRACE", "OPTIONS", "PROPFIND", "GET", "DELETE")) {
            for (String suffix : List.of("", "/events", "/submit", "/x", "/x/y")) {
                answers.send(
                        RawHttp.Request.of(method, BASE + "/" + marker + method + suffix)
                                .as(attacker));
            }
        }
        answers.send(Calls.get(attacker, BASE + "/" + victim.draft() + "/events"));
        String metrics =
                io.restassured.RestAssured.given()
                        .accept("text/plain")
                        .get(Management.url("/q/metrics"))
                        .asString();
        if (metrics.contains(marker) || metrics.contains(victim.draft())) {
            throw new AssertionError(
                    "a client-chosen path became a metric tag: "
                            + metrics.lines().filter(l -> l.contains(marker)).findFirst());
        }
        if (!metrics.contains("uri=\"/api/quotes/{id}/events\"")) {
            throw new AssertionError("the templated paths are still tagged by their template");
        }
        answers.report();
    }

    @Test
    void malformedHttpIsRefusedByTheHttpLayerBeforeReachingTheService() {
        Answers answers = new Answers(Fuzz.fixed("malformed HTTP"));
        TestUser attacker = TestUser.customer();
        String draft = BASE + "/" + victim.draft();
        List<RawHttp.Request> requests =
                List.of(
                        RawHttp.Request.of("DELETE", draft + "%zz"),
                        RawHttp.Request.of("DELETE", draft + "?x=%"),
                        RawHttp.Request.of("DELETE", draft + "/\u0001"),
                        RawHttp.Request.of("DELETE", draft + " x"),
                        RawHttp.Request.of("DELETE", draft + "/" + "x".repeat(17_000)),
                        RawHttp.Request.of("DELETE", draft).header("If-Match", "\"0\"\u0000"),
                        RawHttp.Request.of("DELETE", draft).header("If-Match", "x".repeat(30_000)),
                        RawHttp.Request.of("DELETE", "*"),
                        RawHttp.Request.of("DELETE", "api/quotes/" + victim.draft()));
        for (RawHttp.Request request : requests) {
            RawHttp.Request sent = request.as(attacker);
            RawHttp.Response response = answers.send(sent);
            if (response.status() < 400 || sent.isWellFormed()) {
                answers.failWith(sent, response, "expected a refusal of malformed HTTP");
            }
            victim.untouched(answers, sent, response, true);
        }
        answers.report();
    }

    /** A method and what follows the quote id in the path. */
    private record Call(String method, String suffix) {}

    /** Path segments an ordinary client would refuse to send, and traversal attempts. */
    private List<String> rawSegments() {
        List<String> raw = new ArrayList<>();
        for (String target : List.of(victim.draft(), victim.submitted())) {
            raw.add(target.toUpperCase(Locale.ROOT));
            raw.add(target + "%00");
            raw.add(target + "%2f..%2f" + target);
            raw.add("..%2f" + target);
            raw.add("x/../" + target);
            raw.add("%2e%2e/" + target);
            raw.add(target + ";jsessionid=1");
            raw.add(target + "?x=1");
            raw.add(target + "#frag");
            raw.add(target.replace("-", ""));
            raw.add("{" + target + "}");
            raw.add(" " + target);
        }
        raw.addAll(
                List.of(
                        "%00",
                        "%",
                        "%zz",
                        "%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
                        "..%2f..%2f..%2fetc%2fpasswd",
                        "%2e%2e%2f%2e%2e%2fq%2fmetrics",
                        "../../q/metrics",
                        "..;/..;/q/health",
                        "%ff%fe",
                        "%ed%a0%80",
                        "1-1-1-1-1",
                        "00000000-0000-0000-0000-000000000000",
                        "ffffffff-ffff-ffff-ffff-ffffffffffff",
                        "*",
                        "",
                        "\u0001",
                        "a\u0009b",
                        "caf\u00e9",
                        "x".repeat(5_000),
                        "%41".repeat(2_000)));
        return raw;
    }
}
