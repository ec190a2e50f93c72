package dev.patriotforge.quote.hostile;

import static org.junit.jupiter.api.Assertions.fail;

import dev.patriotforge.testsupport.hostile.Fuzz;
import dev.patriotforge.testsupport.http.ProblemAnswers;
import dev.patriotforge.testsupport.http.RawHttp;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rule every hostile request is held to: the answer is a 2xx (the input happened to be valid)
 * or a 4xx problem document ({@code application/problem+json} with {@code status}, a snake_case
 * {@code code}, a {@code type} ending in it and the {@code request_id} of the X-Request-Id header),
 * never a 5xx. Counts requests and statuses for the summary line.
 */
final class Answers {

    private final Fuzz fuzz;
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final long started = System.nanoTime();
    private int requests;
    private int httpLayer;

    Answers(Fuzz fuzz) {
        this.fuzz = fuzz;
    }

    /** Sends the request and checks the answer against the rule. */
    RawHttp.Response send(RawHttp.Request request) {
        RawHttp.Response response = RawHttp.send(request);
        check(request, response);
        return response;
    }

    void check(RawHttp.Request request, RawHttp.Response response) {
        requests++;
        int status = response.status();
        statuses.merge(status, 1, Integer::sum);
        if (status == RawHttp.CLOSED && !request.isWellFormed()) {
            // Vert.x refused malformed HTTP and closed the connection before reading it all.
            httpLayer++;
            return;
        }
        if ((status >= 300 && status < 400) || status < 200 || status >= 500) {
            failWith(request, response, "status " + status + " is neither 2xx nor 4xx");
        }
        if (response.header("X-Request-Id") == null) {
            if (status >= 400 && !request.isWellFormed()) {
                // Not HTTP the application ever sees: Vert.x answers it itself (400, 414, 431).
                httpLayer++;
                return;
            }
            failWith(request, response, "no X-Request-Id");
        }
        if (status < 300) {
            return;
        }
        String violation = ProblemAnswers.violation(response, request.method().equals("HEAD"));
        if (violation != null) {
            failWith(request, response, violation);
        }
    }

    int requests() {
        return requests;
    }

    /** How many answers had this status. */
    int count(int status) {
        return statuses.getOrDefault(status, 0);
    }

    /** Prints what the run did: requests, statuses, time. */
    void report() {
        System.out.printf(
                "[hostile] %s: %d requests in %d ms, statuses %s, %d refused by the HTTP layer%n",
                fuzz.name(),
                requests,
                (System.nanoTime() - started) / 1_000_000,
                statuses,
                httpLayer);
    }

    void failWith(RawHttp.Request request, RawHttp.Response response, String what) {
        String body = response.text();
        fail(
                what
                        + " in "
                        + fuzz.replay()
                        + "\n  request: "
                        + request.describe()
                        + "\n  answer: "
                        + response.status()
                        + " "
                        + response.headers()
                        + " "
                        + (body.length() > 500 ? body.substring(0, 500) + "..." : body));
    }
}
