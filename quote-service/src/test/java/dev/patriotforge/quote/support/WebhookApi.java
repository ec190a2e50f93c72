package dev.patriotforge.quote.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * REST Assured shortcuts for /api/webhooks, and the subscriptions a test made so that it can delete
 * them (subscriptions are global: one left behind would receive every later test's events).
 */
public final class WebhookApi implements AutoCloseable {
    public static final String BASE = "/api/webhooks";

    private final TestUser admin = TestUser.admin();
    private final List<String> created = new ArrayList<>();

    public TestUser admin() {
        return admin;
    }

    public static ValidatableResponse create(TestUser user, Object body) {
        return given().header("Authorization", user.bearer())
                .contentType(ContentType.JSON)
                .body(body)
                .post(BASE)
                .then();
    }

    /** Subscribes {@code url} to {@code events}; returns {id, secret}. */
    public Map<String, String> subscribe(String url, List<String> events) {
        Map<String, String> answer =
                create(admin, Map.of("url", url, "events", events, "description", "test"))
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getMap("", String.class, String.class);
        created.add(answer.get("id"));
        return answer;
    }

    public static ValidatableResponse get(TestUser user, String path) {
        return given().header("Authorization", user.bearer()).get(BASE + path).then();
    }

    public static ValidatableResponse post(TestUser user, String path) {
        return given().header("Authorization", user.bearer()).post(BASE + path).then();
    }

    public static ValidatableResponse delete(TestUser user, String path) {
        return given().header("Authorization", user.bearer()).delete(BASE + path).then();
    }

    /** The subscription's deliveries of an event, newest first (first page of 100). */
    public List<Map<String, Object>> deliveries(String subscriptionId, String eventId) {
        List<Map<String, Object>> items =
                get(admin, "/" + subscriptionId + "/deliveries?limit=100")
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items");
        return items.stream().filter(d -> eventId.equals(d.get("event_id"))).toList();
    }

    /** Waits until the delivery of the event matches, and returns it. */
    public Map<String, Object> awaitDelivery(
            String subscriptionId,
            String eventId,
            Predicate<Map<String, Object>> done,
            Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        while (true) {
            List<Map<String, Object>> found = deliveries(subscriptionId, eventId);
            if (found.size() == 1 && done.test(found.get(0))) {
                return found.get(0);
            }
            assertThat(Instant.now()).as("delivery of " + eventId + ": " + found).isBefore(end);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Runs an UPDATE on the subscription's deliveries (its id the only parameter). */
    public static void updateDeliveries(AgroalDataSource db, String sql, String subscriptionId) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(subscriptionId));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        for (String id : created) {
            given().header("Authorization", admin.bearer()).delete(BASE + "/" + id);
        }
        created.clear();
    }
}
