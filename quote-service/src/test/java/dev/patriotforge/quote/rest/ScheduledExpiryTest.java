package dev.patriotforge.quote.rest;

import static dev.patriotforge.quote.support.QuoteApi.BASE;
import static dev.patriotforge.quote.support.QuoteApi.as;
import static dev.patriotforge.quote.support.QuoteApi.fetch;
import static dev.patriotforge.quote.support.QuoteApi.pricedQuote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.patriotforge.quote.support.Database;
import dev.patriotforge.quote.support.TestUser;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The scheduled sweep expires a due quote on its own: nothing calls the sweep and no request
 * touches the quote until the database shows it expired. Waits at most one interval of the schedule
 * and a margin.
 */
@QuarkusTest
class ScheduledExpiryTest {
    private static final Duration MARGIN = Duration.ofSeconds(30);

    @Inject AgroalDataSource db;
    @Inject Scheduler scheduler;

    @ConfigProperty(name = "forge.quote.expiry.interval")
    Duration interval;

    private long rows(String sql, String id) {
        return Database.count(db, sql, id);
    }

    @Test
    void theScheduledSweepExpiresADueQuoteWithoutAnyRequestTouchingIt() {
        Trigger sweep = scheduler.getScheduledJob("quote-expiry");
        assertThat(sweep).as("the expiry sweep is scheduled").isNotNull();
        TestUser owner = TestUser.customer();
        String id = pricedQuote(owner, TestUser.staff());
        Database.makeDue(db, id);

        Instant deadline = Instant.now().plus(interval).plus(MARGIN);
        String expired = "SELECT count(*) FROM forge_quotes WHERE id = ? AND status = 'expired'";
        while (rows(expired, id) == 0 && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }

        assertThat(rows(expired, id))
                .as("expired by the schedule (every %s) within %s", interval, interval.plus(MARGIN))
                .isEqualTo(1);
        assertThat(
                        rows(
                                "SELECT count(*) FROM forge_quote_events"
                                        + " WHERE quote_id = ? AND type = 'expired'",
                                id))
                .isEqualTo(1);
        fetch(owner, id).statusCode(200).body("status", equalTo("expired"));
        as(owner)
                .get(BASE + "/" + id + "/events")
                .then()
                .body("items[-1].type", equalTo("expired"))
                .body("items[-1].actor_id", nullValue());
    }
}
