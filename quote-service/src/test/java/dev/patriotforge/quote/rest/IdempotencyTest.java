package dev.patriotforge.quote.rest;

import static dev.patriotforge.quote.support.QuoteApi.BASE;
import static dev.patriotforge.quote.support.QuoteApi.as;
import static dev.patriotforge.quote.support.QuoteApi.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.patriotforge.quote.domain.IdempotencyRecords;
import dev.patriotforge.quote.service.IdempotencyPurge;
import dev.patriotforge.quote.service.IdempotentCreates;
import dev.patriotforge.quote.support.RedisAdmin;
import dev.patriotforge.quote.support.TestUser;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyTest {
    @Inject AgroalDataSource db;
    @Inject IdempotencyPurge purge;

    static ValidatableResponse createWithKey(TestUser user, String key, Object body) {
        return as(user).contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post(BASE)
                .then();
    }

    static int quotesOf(TestUser user) {
        List<String> ids = as(user).get(BASE + "?limit=100").then().extract().path("items.id");
        return ids.size();
    }

    @Test
    void aRepeatWithTheSameBodyReplaysTheFirstResponse() {
        TestUser owner = TestUser.customer();
        String key = "order-" + UUID.randomUUID();
        ExtractableResponse<Response> first =
                createWithKey(owner, key, body("Once", 2))
                        .statusCode(201)
                        .header("Idempotent-Replayed", nullValue())
                        .extract();
        ExtractableResponse<Response> second =
                createWithKey(owner, key, body("Once", 2))
                        .statusCode(201)
                        .header("Idempotent-Replayed", equalTo("true"))
                        .extract();
        assertThat(second.body().asString()).isEqualTo(first.body().asString());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(quotesOf(owner)).isEqualTo(1);
    }

    @Test
    void theReplayIsTheFirstResponseEvenAfterTheQuoteChanged() {
        TestUser owner = TestUser.customer();
        String key = UUID.randomUUID().toString();
        String id = createWithKey(owner, key, body("Then", 1)).statusCode(201).extract().path("id");
        as(owner).post(BASE + "/" + id + "/submit").then().statusCode(200);
        createWithKey(owner, key, body("Then", 1))
                .statusCode(201)
                .body("id", equalTo(id))
                .body("status", equalTo("draft"));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        TestUser owner = TestUser.customer();
        String key = UUID.randomUUID().toString();
        createWithKey(owner, key, body("First", 1)).statusCode(201);
        createWithKey(owner, key, body("Second", 1))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("idempotency_key_reused"));
        assertThat(quotesOf(owner)).isEqualTo(1);
    }

    @Test
    void keysAreScopedToTheCaller() {
        String key = UUID.randomUUID().toString();
        TestUser one = TestUser.customer();
        TestUser two = TestUser.customer();
        String first =
                createWithKey(one, key, body("Same", 1)).statusCode(201).extract().path("id");
        String second =
                createWithKey(two, key, body("Same", 1))
                        .statusCode(201)
                        .header("Idempotent-Replayed", nullValue())
                        .extract()
                        .path("id");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void aKeyStillInUseIsAConflict() throws Exception {
        TestUser owner = TestUser.customer();
        String key = UUID.randomUUID().toString();
        // A first request still running holds the key's lock until its transaction ends.
        try (Connection running = db.getConnection()) {
            running.setAutoCommit(false);
            try (PreparedStatement lock =
                    running.prepareStatement(
                            "SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(
                        1, IdempotencyRecords.lockName(owner.id(), IdempotentCreates.sha256(key)));
                lock.executeQuery().close();
            }
            createWithKey(owner, key, body("Running", 1))
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("code", equalTo("idempotency_key_in_use"));
            running.rollback();
        }
        assertThat(quotesOf(owner)).isZero();
        createWithKey(owner, key, body("Running", 1))
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue());
    }

    @Test
    void concurrentRequestsWithOneKeyCreateExactlyOneQuote() throws Exception {
        TestUser owner = TestUser.customer();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = body("At once", 30);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Response>> futures = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < 8; i++) {
                futures.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    return as(owner)
                                            .contentType(ContentType.JSON)
                                            .header("Idempotency-Key", key)
                                            .body(body)
                                            .post(BASE);
                                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            List<Response> created = answers.stream().filter(r -> r.statusCode() == 201).toList();
            assertThat(created.stream().filter(r -> r.header("Idempotent-Replayed") == null))
                    .hasSize(1);
            assertThat(created.stream().map(r -> r.path("id")).distinct()).hasSize(1);
            assertThat(answers)
                    .allSatisfy(
                            r -> {
                                if (r.statusCode() != 201) {
                                    assertThat(r.statusCode()).isEqualTo(409);
                                    assertThat(r.<String>path("code"))
                                            .isEqualTo("idempotency_key_in_use");
                                }
                            });
        } finally {
            pool.shutdownNow();
        }
        assertThat(quotesOf(owner)).isEqualTo(1);
        assertThat(records(owner)).isEqualTo(1);
    }

    @Test
    void theRecordIsKeptInPostgresForADayThenPurged() throws Exception {
        TestUser owner = TestUser.customer();
        String key = UUID.randomUUID().toString();
        String first =
                createWithKey(owner, key, body("Kept", 1)).statusCode(201).extract().path("id");
        try (Connection c = db.getConnection();
                PreparedStatement s =
                        c.prepareStatement(
                                "SELECT quote_id, now() - created_at < interval '1 minute',"
                                        + " key_sha256"
                                        + " FROM forge_quote_idempotency WHERE caller_id = ?")) {
            s.setObject(1, owner.id());
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo(first);
                assertThat(r.getBoolean(2)).isTrue();
                assertThat(r.getString(3)).isEqualTo(IdempotentCreates.sha256(key));
                assertThat(r.next()).isFalse();
            }
        }
        age(owner, "23 hours 59 minutes");
        createWithKey(owner, key, body("Kept", 1))
                .statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(first));
        age(owner, "24 hours 1 minute");
        assertThat(purge.purge()).isGreaterThanOrEqualTo(1);
        assertThat(records(owner)).isZero();
        String second =
                createWithKey(owner, key, body("Another body, a day later", 1))
                        .statusCode(201)
                        .header("Idempotent-Replayed", nullValue())
                        .extract()
                        .path("id");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void keyedCreatesKeepNothingInRedis() throws Exception {
        // The largest body the contract admits: 100 items of 500 characters, 5000 of notes.
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            items.add(
                    Map.of(
                            "description",
                            String.format("%03d", i) + "d".repeat(497),
                            "quantity",
                            1,
                            "unit",
                            "u".repeat(20)));
        }
        List<TestUser> users = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            users.add(TestUser.customer());
        }
        try (RedisAdmin redis = RedisAdmin.connect()) {
            long before = usedMemory(redis);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    TestUser user = users.get(i % users.size());
                    Map<String, Object> body =
                            Map.of(
                                    "title",
                                    "t".repeat(190) + String.format("%010d", i),
                                    "notes",
                                    "n".repeat(5000),
                                    "items",
                                    items);
                    answers.add(
                            pool.submit(
                                    () ->
                                            as(user).contentType(ContentType.JSON)
                                                    .header(
                                                            "Idempotency-Key",
                                                            "k".repeat(219) + UUID.randomUUID())
                                                    .body(body)
                                                    .post(BASE)
                                                    .statusCode()));
                }
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get(120, TimeUnit.SECONDS)).isEqualTo(201);
                }
            } finally {
                pool.shutdownNow();
            }
            long grown = usedMemory(redis) - before;
            // The old Redis records took ~60 KB a create (12 MB here); now only a rate counter
            // per user remains.
            assertThat(grown).isLessThan(256 * 1024);
            for (TestUser user : users) {
                assertThat(redis.command("KEYS", "forge:quote:*" + user.id() + "*").lines())
                        .containsOnly("forge:quote:rate:create:" + user.id());
            }
            assertThat(redis.command("KEYS", "forge:quote:idem*")).isEmpty();
        }
        for (TestUser user : users) {
            assertThat(records(user)).isEqualTo(25);
        }
    }

    private long records(TestUser owner) {
        try (Connection c = db.getConnection();
                PreparedStatement s =
                        c.prepareStatement(
                                "SELECT count(*) FROM forge_quote_idempotency WHERE caller_id ="
                                        + " ?")) {
            s.setObject(1, owner.id());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves the caller's records back in time, as if that much time had passed. */
    private void age(TestUser owner, String interval) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s =
                        c.prepareStatement(
                                "UPDATE forge_quote_idempotency"
                                        + " SET created_at = now() - ?::interval"
                                        + " WHERE caller_id = ?")) {
            s.setString(1, interval);
            s.setObject(2, owner.id());
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private static long usedMemory(RedisAdmin redis) {
        return redis.command("INFO", "memory")
                .lines()
                .filter(line -> line.startsWith("used_memory:"))
                .mapToLong(line -> Long.parseLong(line.substring("used_memory:".length()).trim()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aFailedCreateReleasesTheKey() {
        TestUser owner = TestUser.customer();
        String key = UUID.randomUUID().toString();
        createWithKey(owner, key, Map.of("title", "", "items", List.of())).statusCode(422);
        createWithKey(owner, key, body("Now valid", 1))
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue());
    }

    @Test
    void keyLengthIsOneTo255() {
        TestUser owner = TestUser.customer();
        createWithKey(owner, "k".repeat(256), body("Long key", 1))
                .statusCode(422)
                .body("code", equalTo("validation_failed"))
                .body("errors.field", hasItem("Idempotency-Key"));
        createWithKey(owner, "", body("Empty key", 1))
                .statusCode(422)
                .body("code", equalTo("validation_failed"));
        createWithKey(owner, "k".repeat(255), body("Longest key", 1)).statusCode(201);
    }
}
