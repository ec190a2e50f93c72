package dev.patriotforge.quote.rest;

import static dev.patriotforge.quote.support.QuoteApi.BASE;
import static dev.patriotforge.quote.support.QuoteApi.action;
import static dev.patriotforge.quote.support.QuoteApi.as;
import static dev.patriotforge.quote.support.QuoteApi.body;
import static dev.patriotforge.quote.support.QuoteApi.createDraft;
import static dev.patriotforge.quote.support.QuoteApi.fetch;
import static dev.patriotforge.quote.support.QuoteApi.pricedQuote;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.quote.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Simultaneous writes: exactly one winner, and one quote per idempotency key. */
@QuarkusTest
class ConcurrencyTest {

    /** Runs the calls at the same moment (as far as threads allow) and returns their answers. */
    private static List<Response> simultaneously(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch ready = new CountDownLatch(calls.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> call : calls) {
                futures.add(
                        pool.submit(
                                () -> {
                                    ready.countDown();
                                    go.await();
                                    return call.call();
                                }));
            }
            ready.await();
            go.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(List<Response> responses, int status) {
        return responses.stream().filter(r -> r.statusCode() == status).count();
    }

    @RepeatedTest(3)
    void acceptAndCancelAtOnceLeaveExactlyOneWinner() throws Exception {
        TestUser owner = TestUser.customer();
        String id = pricedQuote(owner, TestUser.staff());
        String etag = fetch(owner, id).extract().header("ETag");
        List<Response> answers =
                simultaneously(
                        List.of(
                                () ->
                                        as(owner)
                                                .header("If-Match", etag)
                                                .post(BASE + "/" + id + "/accept"),
                                () ->
                                        as(owner)
                                                .header("If-Match", etag)
                                                .post(BASE + "/" + id + "/cancel")));
        assertThat(count(answers, 200)).isEqualTo(1);
        Response winner = answers.stream().filter(r -> r.statusCode() == 200).findFirst().get();
        Response loser = answers.stream().filter(r -> r.statusCode() != 200).findFirst().get();
        assertThat(loser.statusCode()).isIn(409, 412);
        String finalStatus = fetch(owner, id).extract().path("status");
        assertThat(finalStatus).isEqualTo(winner.path("status"));
        List<String> types =
                as(owner).get(BASE + "/" + id + "/events").then().extract().path("items.type");
        assertThat(types.stream().filter(t -> t.equals("accepted") || t.equals("cancelled")))
                .hasSize(1);
    }

    @Test
    void acceptAndCancelWithoutIfMatchStillLeaveOneWinner() throws Exception {
        TestUser owner = TestUser.customer();
        String id = pricedQuote(owner, TestUser.staff());
        List<Response> answers =
                simultaneously(
                        List.of(
                                () -> action(owner, id, "accept").extract().response(),
                                () -> action(owner, id, "cancel").extract().response()));
        assertThat(count(answers, 200)).isEqualTo(1);
        assertThat(count(answers, 409)).isEqualTo(1);
    }

    @RepeatedTest(3)
    void twoPatchesWithTheSameIfMatchLeaveExactlyOneWinner() throws Exception {
        TestUser owner = TestUser.customer();
        String id = createDraft(owner);
        List<Callable<Response>> calls = new ArrayList<>();
        for (String title : List.of("Alpha", "Beta")) {
            calls.add(
                    () ->
                            as(owner)
                                    .contentType(ContentType.JSON)
                                    .header("If-Match", "\"0\"")
                                    .body(Map.of("title", title))
                                    .patch(BASE + "/" + id));
        }
        List<Response> answers = simultaneously(calls);
        assertThat(count(answers, 200)).isEqualTo(1);
        assertThat(count(answers, 412)).isEqualTo(1);
        String winnerTitle =
                answers.stream().filter(r -> r.statusCode() == 200).findFirst().get().path("title");
        fetch(owner, id)
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("title", org.hamcrest.Matchers.equalTo(winnerTitle));
    }

    @Test
    void tenSimultaneousCreatesWithOneKeyCreateExactlyOneQuote() throws Exception {
        TestUser owner = TestUser.customer();
        String key = UUID.randomUUID().toString();
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(
                    () ->
                            as(owner)
                                    .contentType(ContentType.JSON)
                                    .header("Idempotency-Key", key)
                                    .body(body("Only once", 3))
                                    .post(BASE));
        }
        List<Response> answers = simultaneously(calls);
        List<String> created =
                answers.stream()
                        .filter(r -> r.statusCode() == 201)
                        .map(r -> r.<String>path("id"))
                        .distinct()
                        .toList();
        assertThat(created).hasSize(1);
        assertThat(
                        answers.stream()
                                .filter(
                                        r ->
                                                r.statusCode() == 201
                                                        && r.header("Idempotent-Replayed") == null))
                .hasSize(1);
        assertThat(answers)
                .allSatisfy(r -> assertThat(r.statusCode()).isIn(201, 409))
                .filteredOn(r -> r.statusCode() == 409)
                .allSatisfy(
                        r ->
                                assertThat(r.<String>path("code"))
                                        .isEqualTo("idempotency_key_in_use"));
        List<String> listed = as(owner).get(BASE).then().extract().path("items.id");
        assertThat(listed).containsExactly(created.get(0));
    }
}
