package dev.patriotforge.quote.hostile;

import static dev.patriotforge.quote.support.QuoteApi.BASE;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patriotforge.quote.support.TestUser;
import dev.patriotforge.testsupport.http.RawHttp;
import io.agroal.api.AgroalDataSource;

/**
 * Watches one customer's rows while hostile requests go out: after a refused request (4xx) they
 * must be exactly as before; after an accepted one (2xx) the quote it answered must read back the
 * same, and the watch starts over from the new state.
 */
final class Guard {
    private final AgroalDataSource db;
    private final Answers answers;
    private final TestUser user;
    private String rows;

    Guard(AgroalDataSource db, Answers answers, TestUser user) {
        this.db = db;
        this.answers = answers;
        this.user = user;
        this.rows = QuoteRows.of(db, user.id());
    }

    TestUser user() {
        return user;
    }

    /** Sends a request that may or may not be accepted. */
    RawHttp.Response send(RawHttp.Request request) {
        RawHttp.Response response = answers.send(request);
        if (response.status() >= 400) {
            unchanged(request, response);
        } else {
            JsonNode quote = response.json();
            if (quote != null && quote.hasNonNull("id") && quote.hasNonNull("version")) {
                readsBackAsAnswered(request, response, quote);
            }
            rebase();
        }
        return response;
    }

    /** Sends a request that must be refused. */
    RawHttp.Response refused(RawHttp.Request request) {
        RawHttp.Response response = answers.send(request);
        if (response.status() < 400) {
            answers.failWith(request, response, "a request that must be refused was accepted");
        }
        unchanged(request, response);
        return response;
    }

    /** Takes the current rows as the new baseline (after a change the test made on purpose). */
    void rebase() {
        rows = QuoteRows.of(db, user.id());
    }

    private void unchanged(RawHttp.Request request, RawHttp.Response response) {
        String now = QuoteRows.of(db, user.id());
        if (!now.equals(rows)) {
            answers.failWith(
                    request,
                    response,
                    "a refused request changed the database: " + rows + " -> " + now);
        }
    }

    private void readsBackAsAnswered(
            RawHttp.Request request, RawHttp.Response response, JsonNode answered) {
        RawHttp.Response stored =
                RawHttp.send(
                        RawHttp.Request.of("GET", BASE + "/" + answered.get("id").asText())
                                .as(user));
        if (stored.status() != 200 || !answered.equals(stored.json())) {
            answers.failWith(
                    request,
                    response,
                    "the quote reads back differently from what was answered: " + stored.text());
        }
    }
}
