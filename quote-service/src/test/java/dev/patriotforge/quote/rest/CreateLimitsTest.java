package dev.patriotforge.quote.rest;

import static dev.patriotforge.quote.support.QuoteApi.BASE;
import static dev.patriotforge.quote.support.QuoteApi.as;
import static dev.patriotforge.quote.support.QuoteApi.body;
import static dev.patriotforge.quote.support.QuoteApi.createDraft;
import static dev.patriotforge.quote.support.QuoteApi.createQuote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.patriotforge.quote.config.QuoteConfig;
import dev.patriotforge.quote.service.CreateRateLimit;
import dev.patriotforge.quote.support.RedisAdmin;
import dev.patriotforge.quote.support.TestUser;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The per-user create rate (a counter in Redis, one key per user that expires with its window) and
 * the open-quote quota (counted in PostgreSQL under a per-customer lock). The tests' own rate is
 * high (the fuzz tests create hundreds a minute); the rate tests start a user's window just below
 * it, so they exercise the real counter. The quota is the default, 1000.
 */
@QuarkusTest
class CreateLimitsTest {
    @Inject AgroalDataSource db;
    @Inject QuoteConfig config;

    @Test
    void createsBeyondTheRateAreRefusedWith429AndCreateNothing() {
        TestUser owner = TestUser.customer();
        int rate = config.limits().createRate();
        try (RedisAdmin redis = RedisAdmin.connect()) {
            redis.command(
                    "SET",
                    CreateRateLimit.key(owner.id()),
                    Integer.toString(rate - 1),
                    "PX",
                    "60000");
        }
        createDraft(owner);
        Response limited =
                as(owner)
                        .contentType(ContentType.JSON)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .body(body("One too many", 1))
                        .post(BASE);
        limited.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("code", equalTo("rate_limited"));
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(count("SELECT count(*) FROM forge_quotes WHERE customer_id = ?", owner))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM forge_quote_idempotency WHERE caller_id = ?", owner))
                .isZero();
        // Another user has a window of their own.
        createDraft(TestUser.customer());
    }

    @Test
    void theCounterIsOneSmallKeyPerUserThatExpiresWithItsWindow() {
        TestUser owner = TestUser.customer();
        createDraft(owner);
        createDraft(owner);
        try (RedisAdmin redis = RedisAdmin.connect()) {
            String key = CreateRateLimit.key(owner.id());
            assertThat(redis.command("GET", key)).isEqualTo("2");
            assertThat(Long.parseLong(redis.command("PTTL", key)))
                    .isBetween(1L, config.limits().createRateWindow().toMillis());
        }
    }

    @Test
    void theRateDefaultsToSixtyAMinuteAndTheQuotaToAThousand() {
        assertThat(config.limits().maxOpenPerCustomer()).isEqualTo(1000);
        assertThat(config.limits().createRateWindow()).hasSeconds(60);
    }

    @Test
    void aCustomerAtTheOpenQuoteQuotaGets409UntilOneCloses() {
        TestUser owner = TestUser.customer();
        int quota = config.limits().maxOpenPerCustomer();
        insertOpenQuotes(owner, quota - 1);
        String last = createDraft(owner);
        createQuote(owner, body("Over the quota", 1))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("quota_exceeded"));
        assertThat(count("SELECT count(*) FROM forge_quotes WHERE customer_id = ?", owner))
                .isEqualTo(quota);
        as(owner).post(BASE + "/" + last + "/cancel").then().statusCode(200);
        createDraft(owner);
    }

    @Test
    void parallelCreatesNeverPassTheQuota() throws Exception {
        TestUser owner = TestUser.customer();
        int quota = config.limits().maxOpenPerCustomer();
        insertOpenQuotes(owner, quota - 5);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < 12; i++) {
                answers.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    return createQuote(owner, body("Race", 1))
                                            .extract()
                                            .statusCode();
                                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(5);
            assertThat(statuses.stream().filter(s -> s == 409)).hasSize(7);
        } finally {
            pool.shutdownNow();
        }
        assertThat(
                        count(
                                "SELECT count(*) FROM forge_quotes WHERE customer_id = ?"
                                        + " AND status IN ('draft', 'submitted', 'priced')",
                                owner))
                .isEqualTo(quota);
    }

    /** {@code n} open quotes of the customer, written directly (an API create each is slow). */
    private void insertOpenQuotes(TestUser owner, int n) {
        try (Connection c = db.getConnection();
                PreparedStatement s =
                        c.prepareStatement(
                                """
                                INSERT INTO forge_quotes
                                    (id, number, customer_id, status, title, currency,
                                     created_at, updated_at)
                                SELECT gen_random_uuid(), 'T-' || substr(md5(random()::text), 1, 28),
                                       ?, (ARRAY['draft', 'submitted'])[1 + i % 2], 'Filler',
                                       'USD', now(), now()
                                FROM generate_series(1, ?) i
                                """)) {
            s.setObject(1, owner.id());
            s.setInt(2, n);
            assertThat(s.executeUpdate()).isEqualTo(n);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, TestUser owner) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, owner.id());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
