package dev.patriotforge.quote.hostile;

import static dev.patriotforge.quote.support.QuoteApi.BASE;
import static dev.patriotforge.testsupport.hostile.HostileBody.render;

import dev.patriotforge.quote.support.QuoteApi;
import dev.patriotforge.quote.support.TestUser;
import dev.patriotforge.testsupport.hostile.Fuzz;
import dev.patriotforge.testsupport.http.RawHttp;
import dev.patriotforge.testsupport.http.RequestCount;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random bodies (seeded samples of {@link QuoteHostile}) for every endpoint that reads one: each
 * answer is a quote or a problem document, never a 5xx; a refused request leaves the caller's rows
 * exactly as they were; an accepted one stores what it answered.
 */
@QuarkusTest
class BodyFuzzTest {
    @Inject AgroalDataSource db;

    @BeforeAll
    static void startCounting() {
        RequestCount.start();
    }

    @AfterAll
    static void printCount() {
        RequestCount.print(BodyFuzzTest.class);
    }

    @Test
    void createAnswersEveryHostileBodyWithAQuoteOrAProblemAndStoresWhatItAnswered() {
        Fuzz fuzz = Fuzz.named("create bodies");
        Answers answers = new Answers(fuzz);
        Guard guard = new Guard(db, answers, TestUser.customer());
        for (Object body : fuzz.samples(QuoteHostile.quote(), 160)) {
            RawHttp.Request request =
                    RawHttp.Request.of("POST", BASE).as(guard.user()).json(render(body));
            guard.send(request);
        }
        answers.report();
    }

    @Test
    void patchAnswersEveryHostileBodyAndARefusedOneChangesNothing() {
        Fuzz fuzz = Fuzz.named("patch bodies");
        Answers answers = new Answers(fuzz);
        TestUser owner = TestUser.customer();
        String id = Calls.draft(owner);
        Guard guard = new Guard(db, answers, owner);
        for (Object body : fuzz.samples(QuoteHostile.quote(), 120)) {
            guard.send(
                    RawHttp.Request.of("PATCH", BASE + "/" + id)
                            .as(owner)
                            .header("If-Match", "*")
                            .json(render(body)));
        }
        answers.report();
    }

    @Test
    void priceAnswersEveryHostileBodyAndARefusedOneChangesNothing() {
        Fuzz fuzz = Fuzz.named("price bodies");
        Answers answers = new Answers(fuzz);
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String id = Calls.submitted(owner);
        List<String> items = Calls.itemIds(owner, id);
        Guard guard = new Guard(db, answers, owner);
        for (Object body : fuzz.samples(QuoteHostile.price(items.size()), 100)) {
            List<String> ids = items;
            RawHttp.Response response =
                    guard.send(
                            RawHttp.Request.of("POST", BASE + "/" + id + "/price")
                                    .as(staff)
                                    .json(render(body, p -> ids.get(QuoteHostile.itemIndex(p)))));
            if (response.status() == 200) {
                id = Calls.submitted(owner);
                items = Calls.itemIds(owner, id);
                guard.rebase();
            }
        }
        answers.report();
    }

    @Test
    void requestChangesAndAcceptAnswerEveryHostileBodyAndARefusedOneChangesNothing() {
        Fuzz fuzz = Fuzz.named("negotiation bodies");
        Answers answers = new Answers(fuzz);
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String id = QuoteApi.pricedQuote(owner, staff);
        Guard guard = new Guard(db, answers, owner);
        List<Object> bodies = fuzz.samples(QuoteHostile.quote(), 60);
        for (int i = 0; i < bodies.size(); i++) {
            String action = i % 2 == 0 ? "/request-changes" : "/accept";
            RawHttp.Response response =
                    guard.send(
                            RawHttp.Request.of("POST", BASE + "/" + id + action)
                                    .as(owner)
                                    .json(render(bodies.get(i))));
            if (response.status() == 200) {
                id = QuoteApi.pricedQuote(owner, staff);
                guard.rebase();
            }
        }
        answers.report();
    }

    @Test
    void refusedTransitionsIgnoreHostileBodiesAndChangeNothing() {
        Fuzz fuzz = Fuzz.named("transition bodies");
        Answers answers = new Answers(fuzz);
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        TestUser stranger = TestUser.customer();
        String id = Calls.submitted(owner);
        Guard guard = new Guard(db, answers, owner);
        // Every one of these is refused for a submitted quote: 409 (owner), 404 (a stranger),
        // 403 (staff).
        List<TestUser> callers =
                List.of(owner, owner, owner, stranger, stranger, stranger, stranger, staff, staff);
        List<String> actions =
                List.of(
                        "submit", "accept", "decline", "submit", "accept", "decline", "cancel",
                        "submit", "decline");
        List<Object> bodies = fuzz.samples(QuoteHostile.quote(), 80);
        for (int i = 0; i < bodies.size(); i++) {
            int pair = i % callers.size();
            guard.refused(
                    RawHttp.Request.of("POST", BASE + "/" + id + "/" + actions.get(pair))
                            .as(callers.get(pair))
                            .json(render(bodies.get(i))));
        }
        answers.report();
    }

    @Test
    void nestingThousandsOfLevelsDeepIsRefusedByEveryBodyEndpoint() {
        Fuzz fuzz = Fuzz.named("deep nesting");
        Answers answers = new Answers(fuzz);
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String draft = Calls.draft(owner);
        String submitted = Calls.submitted(owner);
        Guard guard = new Guard(db, answers, owner);
        for (Object deep : QuoteHostile.deepBodies()) {
            byte[] body = render(deep);
            guard.refused(RawHttp.Request.of("POST", BASE).as(owner).json(body));
            guard.refused(
                    RawHttp.Request.of("PATCH", BASE + "/" + draft)
                            .as(owner)
                            .header("If-Match", "*")
                            .json(body));
            guard.refused(
                    RawHttp.Request.of("POST", BASE + "/" + submitted + "/price")
                            .as(staff)
                            .json(body));
        }
        answers.report();
    }

    @Test
    void oddMediaTypesAndCharsetsAreAProblemNeverA500() {
        Fuzz fuzz = Fuzz.named("media types");
        Answers answers = new Answers(fuzz);
        TestUser owner = TestUser.customer();
        Guard guard = new Guard(db, answers, owner);
        byte[] valid =
                "{\"title\":\"t\",\"items\":[{\"description\":\"d\",\"quantity\":1}]}"
                        .getBytes(StandardCharsets.UTF_8);
        List<String> types =
                List.of(
                        "application/json; charset=utf-16",
                        "application/json; charset=nonsense",
                        "application/json; charset=",
                        "application/json; charset=\"utf-8",
                        "application/json;;;",
                        "application/json; boundary",
                        "application/json, text/plain",
                        "application/problem+json",
                        "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x",
                        "text/json",
                        "text/plain",
                        "APPLICATION/JSON",
                        "*/*",
                        "application/*",
                        "",
                        "/",
                        "json",
                        "application/json\u00e9");
        for (String type : types) {
            guard.send(
                    RawHttp.Request.of("POST", BASE)
                            .as(owner)
                            .header("Content-Type", type)
                            .withBody(valid));
        }
        for (String accept : List.of("application/xml", "text/html", "*/*;q=0", "\u00ff/\u00ff")) {
            guard.send(
                    RawHttp.Request.of("POST", BASE)
                            .as(owner)
                            .header("Accept", accept)
                            .json(valid));
        }
        answers.report();
    }
}
