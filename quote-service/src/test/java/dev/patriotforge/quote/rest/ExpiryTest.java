package dev.patriotforge.quote.rest;

import static dev.patriotforge.quote.support.QuoteApi.BASE;
import static dev.patriotforge.quote.support.QuoteApi.action;
import static dev.patriotforge.quote.support.QuoteApi.as;
import static dev.patriotforge.quote.support.QuoteApi.fetch;
import static dev.patriotforge.quote.support.QuoteApi.pricedQuote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.patriotforge.quote.service.QuoteExpiry;
import dev.patriotforge.quote.support.Database;
import dev.patriotforge.quote.support.TestUser;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Priced quotes past valid_until expire: by the sweep, and when touched. */
@QuarkusTest
class ExpiryTest {
    @Inject AgroalDataSource db;
    @Inject QuoteExpiry expiry;

    private long expiredEvents(String id) {
        return Database.count(
                db,
                "SELECT count(*) FROM forge_quote_events WHERE quote_id = ? AND type = 'expired'",
                id);
    }

    @Test
    void acceptPastValidUntilExpiresTheQuoteAndSaysSo() {
        TestUser owner = TestUser.customer();
        String id = pricedQuote(owner, TestUser.staff());
        Database.makeDue(db, id);
        action(owner, id, "accept")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("quote_expired"));
        fetch(owner, id).body("status", equalTo("expired")).body("decided_at", nullValue());
        action(owner, id, "accept").statusCode(409).body("code", equalTo("quote_expired"));
        assertThat(expiredEvents(id)).isEqualTo(1);
        as(owner)
                .get(BASE + "/" + id + "/events")
                .then()
                .body("items[-1].type", equalTo("expired"))
                .body("items[-1].actor_id", nullValue())
                .body("items[-1].from_status", equalTo("priced"))
                .body("items[-1].to_status", equalTo("expired"));
    }

    @Test
    void aDueQuoteShowsAsExpiredWhenRead() {
        TestUser owner = TestUser.customer();
        String id = pricedQuote(owner, TestUser.staff());
        Database.makeDue(db, id);
        fetch(owner, id).statusCode(200).body("status", equalTo("expired"));
        action(owner, id, "decline")
                .statusCode(409)
                .body("code", equalTo("invalid_state_transition"));
        assertThat(expiredEvents(id)).isEqualTo(1);
    }

    @Test
    void theSweepExpiresDueQuotesOnceEach() {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String due = pricedQuote(owner, staff);
        String notDue = pricedQuote(owner, staff);
        Database.makeDue(db, due);
        expiry.sweep();
        expiry.sweep();
        assertThat(expiredEvents(due)).isEqualTo(1);
        fetch(owner, due).body("status", equalTo("expired"));
        fetch(owner, notDue).body("status", equalTo("priced"));
        assertThat(expiredEvents(notDue)).isZero();
    }

    @Test
    void sweepsRunningTogetherExpireEachQuoteOnce() throws Exception {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        List<String> due = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = pricedQuote(owner, staff);
            Database.makeDue(db, id);
            due.add(id);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        // The four sweeps start together, not one after another as the pool picks them up.
        CyclicBarrier start = new CyclicBarrier(4);
        try {
            List<Callable<Integer>> sweeps = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sweeps.add(
                        () -> {
                            start.await(10, TimeUnit.SECONDS);
                            return expiry.sweep();
                        });
            }
            for (Future<Integer> sweep : pool.invokeAll(sweeps)) {
                sweep.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (String id : due) {
            assertThat(expiredEvents(id)).isEqualTo(1);
            fetch(owner, id).body("status", equalTo("expired"));
        }
    }
}
