package dev.patriotforge.auth.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.testsupport.http.ProblemAnswers;
import dev.patriotforge.testsupport.http.RawHttp;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks every answer of a batch of hostile requests against section 1 of the contract and reports
 * all violations at once: never a 5xx; a 4xx is an {@code application/problem+json} document with
 * {@code status}, {@code code}, a {@code type} ending in the code and {@code request_id}; a 401
 * carries {@code WWW-Authenticate: Bearer}, a 429 {@code Retry-After}.
 */
final class Answers {
    private static final Set<Integer> CONTRACT_4XX =
            Set.of(400, 401, 403, 404, 405, 409, 412, 413, 415, 422, 428, 429);
    private static final int SHOWN_FAILURES = 12;

    private final String batch;
    private final List<String> failures = new ArrayList<>();
    private int requests;
    private int rejected;

    Answers(String batch) {
        this.batch = batch;
    }

    /** Checks one answer; {@code request} describes what was sent, for the failure message. */
    Response check(String request, Response response) {
        check(request, of(response));
        return response;
    }

    /** Checks an answer to a request sent byte for byte. */
    RawHttp.Response check(String request, RawHttp.Response answer) {
        requests++;
        String problem = problemWith(answer);
        if (problem != null) {
            failures.add(
                    problem
                            + " <- "
                            + request
                            + " => "
                            + answer.status()
                            + " "
                            + abbreviate(answer.text()));
        }
        if (answer.status() >= 400) {
            rejected++;
        }
        return answer;
    }

    /** Like {@link #check} and the answer must also be a 4xx (the request must be rejected). */
    Response checkRejected(String request, Response response) {
        check(request, response);
        if (response.statusCode() < 400) {
            failures.add(
                    "accepted a request that must be rejected <- "
                            + request
                            + " => "
                            + response.statusCode());
        }
        return response;
    }

    private static RawHttp.Response of(Response r) {
        Map<String, String> headers = new HashMap<>();
        r.headers()
                .forEach(
                        h ->
                                headers.putIfAbsent(
                                        h.getName().toLowerCase(Locale.ROOT), h.getValue()));
        return new RawHttp.Response(r.statusCode(), headers, r.asByteArray());
    }

    int requests() {
        return requests;
    }

    int rejected() {
        return rejected;
    }

    /** Fails with every violation seen (the first few in full). */
    void assertAllFine() {
        System.out.printf(
                "[hostile] %s: %d requests, %d rejected with a 4xx, %d violations%n",
                batch, requests, rejected, failures.size());
        assertThat(failures)
                .as(
                        "%s: %d of %d answers break the contract; first ones:%n%s",
                        FuzzSeed.replay(batch),
                        failures.size(),
                        requests,
                        String.join(
                                "\n",
                                failures.subList(0, Math.min(SHOWN_FAILURES, failures.size()))))
                .isEmpty();
    }

    private static String problemWith(RawHttp.Response r) {
        int status = r.status();
        if (status == RawHttp.CLOSED) {
            return "no answer: the server closed the connection";
        }
        if (status >= 500) {
            return "server error " + status;
        }
        if (status < 400) {
            return null;
        }
        if (!CONTRACT_4XX.contains(status)) {
            return "status outside the contract";
        }
        String violation = ProblemAnswers.violation(r, false);
        if (violation != null) {
            return violation;
        }
        if (status == 401 && !"Bearer".equals(r.header("WWW-Authenticate"))) {
            return "401 without WWW-Authenticate: Bearer";
        }
        if (status == 429 && r.header("Retry-After") == null) {
            return "429 without Retry-After";
        }
        return null;
    }

    static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }
}
