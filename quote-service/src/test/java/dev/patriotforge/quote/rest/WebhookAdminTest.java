package dev.patriotforge.quote.rest;

import static dev.patriotforge.quote.support.WebhookApi.BASE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.patriotforge.quote.support.TestUser;
import dev.patriotforge.quote.support.WebhookApi;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** /api/webhooks: admins only, bounded input, the secret shown once and stored sealed. */
@QuarkusTest
class WebhookAdminTest {
    private static final String URL = "http://127.0.0.1:9/hooks";

    @Inject AgroalDataSource db;

    private final WebhookApi hooks = new WebhookApi();

    @AfterEach
    void cleanUp() {
        hooks.close();
    }

    private static Map<String, Object> body(Object url, Object events, Object description) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("events", events);
        body.put("description", description);
        return body;
    }

    @Test
    void anAdminCreatesASubscriptionAndSeesTheSecretOnlyOnce() {
        String id =
                WebhookApi.create(
                                hooks.admin(),
                                body(URL, List.of("quote.accepted", "quote.accepted"), "ERP"))
                        .statusCode(201)
                        .header("Location", matchesPattern(".*/api/webhooks/[0-9a-f-]{36}"))
                        .body("url", equalTo(URL))
                        .body("events", equalTo(List.of("quote.accepted")))
                        .body("description", equalTo("ERP"))
                        .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]{43}="))
                        .body("created_at", matchesPattern(".*Z"))
                        .extract()
                        .path("id");
        given().header("Authorization", hooks.admin().bearer())
                .delete(BASE + "/" + id); // not tracked by hooks: delete by hand
        String tracked = hooks.subscribe(URL, List.of("quote.created")).get("id");
        WebhookApi.get(hooks.admin(), "/" + tracked)
                .statusCode(200)
                .body("id", equalTo(tracked))
                .body("events", equalTo(List.of("quote.created")))
                .body("$", not(org.hamcrest.Matchers.hasKey("secret")));
        WebhookApi.get(hooks.admin(), "?limit=100")
                .statusCode(200)
                .body("items.id", hasItem(tracked))
                .body("items.secret", everyItemNull());
    }

    private static org.hamcrest.Matcher<Iterable<? extends Object>> everyItemNull() {
        return org.hamcrest.Matchers.everyItem(nullValue());
    }

    @Test
    void theSecretIsStoredSealedNotInClear() throws SQLException {
        Map<String, String> sub = hooks.subscribe(URL, List.of("quote.created"));
        byte[] secretKey = Base64.getDecoder().decode(sub.get("secret").substring(6));
        try (Connection c = db.getConnection();
                PreparedStatement s =
                        c.prepareStatement(
                                "SELECT secret_sealed FROM forge_webhook_subscriptions WHERE id"
                                        + " = ?")) {
            s.setObject(1, UUID.fromString(sub.get("id")));
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                String stored = new String(r.getBytes(1), StandardCharsets.ISO_8859_1);
                assertThat(stored)
                        .doesNotContain(sub.get("secret"))
                        .doesNotContain(sub.get("secret").substring(6))
                        .doesNotContain(new String(secretKey, StandardCharsets.ISO_8859_1));
            }
        }
    }

    @Test
    void listsArePagedNewestFirst() {
        String older = hooks.subscribe(URL, List.of("quote.created")).get("id");
        String newer = hooks.subscribe(URL, List.of("quote.created")).get("id");
        String cursor =
                WebhookApi.get(hooks.admin(), "?limit=1")
                        .statusCode(200)
                        .body("items.size()", equalTo(1))
                        .body("items[0].id", equalTo(newer))
                        .extract()
                        .path("next_cursor");
        assertThat(cursor).isNotNull();
        WebhookApi.get(hooks.admin(), "?limit=1&cursor=" + cursor)
                .statusCode(200)
                .body("items[0].id", equalTo(older));
        WebhookApi.get(hooks.admin(), "?limit=0").statusCode(422);
        WebhookApi.get(hooks.admin(), "?limit=101").statusCode(422);
        WebhookApi.get(hooks.admin(), "?cursor=bogus").statusCode(422);
        WebhookApi.get(hooks.admin(), "/" + older + "/deliveries?limit=1")
                .statusCode(200)
                .body("items.size()", equalTo(0))
                .body("next_cursor", nullValue());
    }

    @Test
    void deletingASubscriptionMakesIt404() {
        String id = hooks.subscribe(URL, List.of("quote.created")).get("id");
        WebhookApi.delete(hooks.admin(), "/" + id).statusCode(204);
        WebhookApi.get(hooks.admin(), "/" + id).statusCode(404).body("code", equalTo("not_found"));
        WebhookApi.delete(hooks.admin(), "/" + id).statusCode(404);
    }

    @Test
    void unknownIdsAre404() {
        String nobody = "/" + UUID.randomUUID();
        WebhookApi.get(hooks.admin(), nobody).statusCode(404);
        WebhookApi.get(hooks.admin(), "/not-a-uuid").statusCode(404);
        WebhookApi.delete(hooks.admin(), nobody).statusCode(404);
        WebhookApi.get(hooks.admin(), nobody + "/deliveries").statusCode(404);
        WebhookApi.post(hooks.admin(), nobody + "/deliveries/" + UUID.randomUUID() + "/retry")
                .statusCode(404)
                .contentType("application/problem+json");
        String id = hooks.subscribe(URL, List.of("quote.created")).get("id");
        WebhookApi.post(hooks.admin(), "/" + id + "/deliveries/" + UUID.randomUUID() + "/retry")
                .statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer", "staff"})
    void onlyAdminsManageWebhooks(String role) {
        TestUser user = TestUser.of(role);
        String id = hooks.subscribe(URL, List.of("quote.created")).get("id");
        WebhookApi.create(user, body(URL, List.of("quote.created"), null))
                .statusCode(403)
                .body("code", equalTo("forbidden"));
        WebhookApi.get(user, "").statusCode(403);
        WebhookApi.get(user, "/" + id).statusCode(403);
        WebhookApi.get(user, "/" + id + "/deliveries").statusCode(403);
        WebhookApi.delete(user, "/" + id).statusCode(403);
        WebhookApi.post(user, "/" + id + "/deliveries/" + UUID.randomUUID() + "/retry")
                .statusCode(403);
        WebhookApi.get(hooks.admin(), "/" + id).statusCode(200);
        given().get(BASE).then().statusCode(401);
    }

    @Test
    void badInputIs422AndCreatesNothing() {
        String longUrl = "https://example.com/" + "a".repeat(2040);
        List<Map<String, Object>> bad =
                List.of(
                        body("file:///etc/passwd", List.of("quote.created"), null),
                        body("ftp://127.0.0.1/x", List.of("quote.created"), null),
                        body("gopher://127.0.0.1/", List.of("quote.created"), null),
                        body("http://user:pw@127.0.0.1/", List.of("quote.created"), null),
                        body("not a url", List.of("quote.created"), null),
                        body(longUrl, List.of("quote.created"), null),
                        body(URL, List.of("quote.updated"), null),
                        body(URL, List.of(), null),
                        body(URL, java.util.Collections.nCopies(10, "quote.created"), null),
                        body(URL, List.of("quote.created"), "d".repeat(501)),
                        body(URL, "quote.created", null),
                        body(null, List.of("quote.created"), null),
                        body(URL, null, null),
                        body(12, List.of("quote.created"), null));
        long before = count();
        for (Map<String, Object> b : bad) {
            WebhookApi.create(hooks.admin(), b)
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("code", equalTo("validation_failed"));
        }
        Map<String, Object> unknownField = body(URL, List.of("quote.created"), null);
        unknownField.put("secret", "whsec_mine");
        WebhookApi.create(hooks.admin(), unknownField).statusCode(422);
        given().header("Authorization", hooks.admin().bearer())
                .contentType(ContentType.JSON)
                .body("{not json")
                .post(BASE)
                .then()
                .statusCode(400);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpoints() {
        var doc = given().accept("application/json").get("/q/openapi").then().statusCode(200);
        doc.body("paths.'/api/webhooks'.post.responses.keySet()", hasItem("201"))
                .body("paths.'/api/webhooks'.post.responses.keySet()", hasItem("422"))
                .body("paths.'/api/webhooks'.get.responses.keySet()", hasItem("200"))
                .body("paths.'/api/webhooks/{id}'.delete.responses.keySet()", hasItem("404"))
                .body(
                        "paths.'/api/webhooks/{id}/deliveries'.get.responses.keySet()",
                        hasItem("200"))
                .body(
                        "paths.'/api/webhooks/{id}/deliveries/{deliveryId}/retry'.post.responses"
                                + ".keySet()",
                        hasItem("202"))
                .body("components.schemas.keySet()", hasItem("WebhookDelivery"));
    }

    private long count() {
        try (Connection c = db.getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT count(*) FROM forge_webhook_subscriptions");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
