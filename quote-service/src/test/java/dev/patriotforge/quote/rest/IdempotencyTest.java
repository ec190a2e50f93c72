package dev.patriotforge.quote.rest;

import static dev.patriotforge.quote.support.QuoteApi.BASE;
import static dev.patriotforge.quote.support.QuoteApi.as;
import static dev.patriotforge.quote.support.QuoteApi.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.patriotforge.quote.support.JwksServer;
import dev.patriotforge.quote.support.RedisAdmin;
import dev.patriotforge.quote.support.TestUser;
import dev.patriotforge.shared.security.RedisKeys;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = JwksServer.class, scope = TestResourceScope.GLOBAL)
class IdempotencyTest {

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
        String redisKey =
                RedisKeys.quote(
                        "idem",
                        owner.id().toString(),
                        HexFormat.of()
                                .formatHex(
                                        MessageDigest.getInstance("SHA-256")
                                                .digest(key.getBytes(StandardCharsets.UTF_8))));
        String fingerprintOfAnotherRequest = "0".repeat(64);
        try (RedisAdmin redis = RedisAdmin.connect()) {
            // Turn the stored response back into the claim that a first request still running
            // holds (same body fingerprint, no response yet).
            createWithKey(owner, key, body("Running", 1)).statusCode(201);
            String stored = redis.command("GET", redisKey);
            assertThat(stored).contains("\"state\":\"done\"");
            String running =
                    stored.replace("\"state\":\"done\"", "\"state\":\"running\"")
                            .replaceAll("\"quote\":\\{.*}}$", "\"quote\":null}");
            redis.command("SET", redisKey, running, "EX", "60");
            createWithKey(owner, key, body("Running", 1))
                    .statusCode(409)
                    .body("code", equalTo("idempotency_key_in_use"));
            redis.command(
                    "SET",
                    redisKey,
                    running.replaceAll(
                            "\"fingerprint\":\"[0-9a-f]+\"",
                            "\"fingerprint\":\"" + fingerprintOfAnotherRequest + "\""),
                    "EX",
                    "60");
            createWithKey(owner, key, body("Running", 1))
                    .statusCode(422)
                    .body("code", equalTo("idempotency_key_reused"));
            assertThat(redis.command("PTTL", redisKey)).isNotEqualTo("-1");
        }
    }

    @Test
    void theKeyIsKeptForADay() throws Exception {
        TestUser owner = TestUser.customer();
        String key = UUID.randomUUID().toString();
        createWithKey(owner, key, body("Kept", 1)).statusCode(201);
        String redisKey =
                RedisKeys.quote(
                        "idem",
                        owner.id().toString(),
                        HexFormat.of()
                                .formatHex(
                                        MessageDigest.getInstance("SHA-256")
                                                .digest(key.getBytes(StandardCharsets.UTF_8))));
        try (RedisAdmin redis = RedisAdmin.connect()) {
            long ttl = Long.parseLong(redis.command("TTL", redisKey));
            assertThat(ttl).isBetween(86_000L, 86_400L);
        }
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
