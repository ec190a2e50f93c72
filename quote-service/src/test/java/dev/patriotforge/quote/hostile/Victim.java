package dev.patriotforge.quote.hostile;

import dev.patriotforge.quote.support.TestUser;
import dev.patriotforge.testsupport.http.RawHttp;
import io.agroal.api.AgroalDataSource;

/**
 * A customer with a draft and a submitted quote whom an attacker's requests must never reach: their
 * rows stay as they were, and no answer shows the draft (nor, to another customer, anything of
 * theirs).
 */
record Victim(TestUser user, String draft, String submitted, String rows, AgroalDataSource db) {

    static Victim create(AgroalDataSource db) {
        TestUser user = TestUser.customer();
        String draft = Calls.draft(user);
        String submitted = Calls.submitted(user);
        return new Victim(user, draft, submitted, QuoteRows.of(db, user.id()), db);
    }

    /**
     * Checks the victim after one request.
     *
     * @param customer whether the caller is a customer (staff may see the submitted quote)
     */
    void untouched(
            Answers answers, RawHttp.Request request, RawHttp.Response response, boolean customer) {
        String now = QuoteRows.of(db, user.id());
        if (!now.equals(rows)) {
            answers.failWith(request, response, "the victim's rows changed: " + now);
        }
        if (response.status() >= 300) {
            return;
        }
        String body = response.text();
        if (body.contains(draft)) {
            answers.failWith(request, response, "the answer shows the victim's draft");
        }
        if (customer && (body.contains(submitted) || body.contains(user.id().toString()))) {
            answers.failWith(request, response, "a customer's answer shows the victim's quote");
        }
    }
}
