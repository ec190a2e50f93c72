package dev.patriotforge.quote.rest;

import static dev.patriotforge.quote.support.QuoteApi.BASE;
import static dev.patriotforge.quote.support.QuoteApi.as;
import static dev.patriotforge.quote.support.QuoteApi.body;
import static dev.patriotforge.quote.support.QuoteApi.createDraft;
import static dev.patriotforge.quote.support.QuoteApi.createQuote;
import static dev.patriotforge.quote.support.QuoteApi.etag;
import static dev.patriotforge.quote.support.QuoteApi.fetch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.patriotforge.quote.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QuoteCrudTest {

    @Test
    void createReturnsADraftWithLocationEtagAndNullMoney() {
        TestUser owner = TestUser.customer();
        String id =
                createQuote(
                                owner,
                                Map.of(
                                        "title", "Fence panels",
                                        "notes", "Deliver to the back gate",
                                        "items",
                                                List.of(
                                                        Map.of(
                                                                "description",
                                                                "Panel",
                                                                "quantity",
                                                                2.5),
                                                        Map.of(
                                                                "description", "Post",
                                                                "quantity", 12,
                                                                "unit", "pc"))))
                        .statusCode(201)
                        .contentType(ContentType.JSON)
                        .header("ETag", equalTo("\"0\""))
                        .header("X-Request-Id", notNullValue())
                        .body("number", matchesPattern("Q-\\d{4}-\\d{6}"))
                        .body("customer_id", equalTo(owner.id().toString()))
                        .body("status", equalTo("draft"))
                        .body("currency", equalTo("USD"))
                        .body("notes", equalTo("Deliver to the back gate"))
                        .body("items", hasSize(2))
                        .body("items[0].position", equalTo(0))
                        .body("items[0].quantity", equalTo(2.5f))
                        .body("items[0].unit", equalTo("ea"))
                        .body("items[1].quantity", equalTo(12))
                        .body("items[1].unit", equalTo("pc"))
                        .body("items[0].unit_price_minor", nullValue())
                        .body("items[0].line_total_minor", nullValue())
                        .body("subtotal_minor", nullValue())
                        .body("tax_rate_bps", nullValue())
                        .body("tax_minor", nullValue())
                        .body("total_minor", nullValue())
                        .body("valid_until", nullValue())
                        .body("submitted_at", nullValue())
                        .body("created_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z"))
                        .body("version", equalTo(0))
                        .extract()
                        .path("id");
        as(owner).post(BASE + "/" + id + "/submit");
        fetch(owner, id).statusCode(200);
    }

    @Test
    void locationPointsAtTheNewQuote() {
        TestUser owner = TestUser.customer();
        String location =
                createQuote(owner, body("Located", 1)).statusCode(201).extract().header("Location");
        as(owner).get(location).then().statusCode(200).body("title", equalTo("Located"));
    }

    @Test
    void quoteNumbersAreUniqueAndIncreasing() {
        TestUser owner = TestUser.customer();
        String first = createQuote(owner, body("One", 1)).statusCode(201).extract().path("number");
        String second = createQuote(owner, body("Two", 1)).statusCode(201).extract().path("number");
        org.assertj.core.api.Assertions.assertThat(second).isGreaterThan(first);
    }

    @Test
    void anyRoleMayCreate() {
        createQuote(TestUser.staff(), body("Staff's own", 1)).statusCode(201);
        createQuote(TestUser.admin(), body("Admin's own", 1)).statusCode(201);
    }

    @Test
    void getCarriesTheEtag() {
        TestUser owner = TestUser.customer();
        String id = createDraft(owner);
        fetch(owner, id).statusCode(200).header("ETag", equalTo("\"0\"")).body("id", equalTo(id));
    }

    @Test
    void patchReplacesFieldsAndItemsAndBumpsTheVersion() {
        TestUser owner = TestUser.customer();
        String id = createDraft(owner);
        as(owner)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(
                        Map.of(
                                "title", "Renamed",
                                "currency", "EUR",
                                "items", List.of(Map.of("description", "Hinge", "quantity", 4))))
                .patch(BASE + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("title", equalTo("Renamed"))
                .body("currency", equalTo("EUR"))
                .body("items", hasSize(1))
                .body("items[0].description", equalTo("Hinge"))
                .body("items[0].position", equalTo(0))
                .body("version", equalTo(1));
        fetch(owner, id).body("items", hasSize(1)).body("title", equalTo("Renamed"));
    }

    @Test
    void patchKeepsFieldsThatAreLeftOut() {
        TestUser owner = TestUser.customer();
        String id = createDraft(owner);
        as(owner)
                .contentType(ContentType.JSON)
                .header("If-Match", etag(owner, id))
                .body(Map.of("notes", "Only the notes"))
                .patch(BASE + "/" + id)
                .then()
                .statusCode(200)
                .body("title", equalTo("Gate hardware"))
                .body("notes", equalTo("Only the notes"))
                .body("items", hasSize(2));
    }

    @Test
    void patchWithoutIfMatchIsPreconditionRequired() {
        TestUser owner = TestUser.customer();
        String id = createDraft(owner);
        as(owner)
                .contentType(ContentType.JSON)
                .body(Map.of("title", "x"))
                .patch(BASE + "/" + id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("code", equalTo("precondition_required"))
                .body("type", endsWith("/precondition_required"));
        fetch(owner, id).body("title", equalTo("Gate hardware"));
    }

    @Test
    void patchWithAStaleIfMatchIsVersionMismatchAndChangesNothing() {
        TestUser owner = TestUser.customer();
        String id = createDraft(owner);
        as(owner)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("title", "First"))
                .patch(BASE + "/" + id)
                .then()
                .statusCode(200);
        as(owner)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("title", "Second"))
                .patch(BASE + "/" + id)
                .then()
                .statusCode(412)
                .body("code", equalTo("version_mismatch"));
        fetch(owner, id).body("title", equalTo("First")).header("ETag", equalTo("\"1\""));
    }

    @Test
    void patchByAnotherCustomerIsNotFound() {
        TestUser owner = TestUser.customer();
        String id = createDraft(owner);
        as(TestUser.customer())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("title", "Mine now"))
                .patch(BASE + "/" + id)
                .then()
                .statusCode(404)
                .body("code", equalTo("not_found"));
    }

    @Test
    void patchOfASubmittedQuoteIsAnInvalidTransition() {
        TestUser owner = TestUser.customer();
        String id = createDraft(owner);
        as(owner).post(BASE + "/" + id + "/submit").then().statusCode(200);
        as(owner)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(Map.of("title", "Late change"))
                .patch(BASE + "/" + id)
                .then()
                .statusCode(409)
                .body("code", equalTo("invalid_state_transition"));
    }

    @Test
    void staffMayNotPatchSomeoneElsesQuote() {
        TestUser owner = TestUser.customer();
        String id = createDraft(owner);
        as(owner).post(BASE + "/" + id + "/submit").then().statusCode(200);
        as(TestUser.staff())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(Map.of("title", "Staff edit"))
                .patch(BASE + "/" + id)
                .then()
                .statusCode(403)
                .body("code", equalTo("forbidden"));
    }

    @Test
    void ownerDeletesADraftAndItIsGone() {
        TestUser owner = TestUser.customer();
        String id = createDraft(owner);
        as(owner).delete(BASE + "/" + id).then().statusCode(204);
        fetch(owner, id).statusCode(404).body("code", equalTo("not_found"));
        as(owner).get(BASE + "/" + id + "/events").then().statusCode(404);
        as(owner).delete(BASE + "/" + id).then().statusCode(404);
        as(owner)
                .get(BASE)
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
    }

    @Test
    void deleteWithAStaleIfMatchChangesNothing() {
        TestUser owner = TestUser.customer();
        String id = createDraft(owner);
        as(owner).header("If-Match", "\"7\"").delete(BASE + "/" + id).then().statusCode(412);
        fetch(owner, id).statusCode(200);
        as(owner).header("If-Match", "\"0\"").delete(BASE + "/" + id).then().statusCode(204);
    }

    @Test
    void ownerMayNotDeleteASubmittedQuoteButAdminMay() {
        TestUser owner = TestUser.customer();
        String id = createDraft(owner);
        as(owner).post(BASE + "/" + id + "/submit").then().statusCode(200);
        as(owner)
                .delete(BASE + "/" + id)
                .then()
                .statusCode(409)
                .body("code", equalTo("invalid_state_transition"));
        as(TestUser.staff()).delete(BASE + "/" + id).then().statusCode(403);
        as(TestUser.admin()).delete(BASE + "/" + id).then().statusCode(204);
        fetch(owner, id).statusCode(404);
    }

    @Test
    void adminCannotSeeOrDeleteSomeoneElsesDraft() {
        String id = createDraft(TestUser.customer());
        as(TestUser.admin()).delete(BASE + "/" + id).then().statusCode(404);
    }

    @Test
    void eventsArePagedOldestFirstWithACursor() {
        TestUser owner = TestUser.customer();
        String id = createDraft(owner);
        for (int version = 0; version < 24; version++) {
            as(owner)
                    .contentType(ContentType.JSON)
                    .header("If-Match", "\"" + version + "\"")
                    .body(Map.of("title", "Rename " + version))
                    .patch(BASE + "/" + id)
                    .then()
                    .statusCode(200);
        }
        String events = BASE + "/" + id + "/events";
        as(owner)
                .get(events)
                .then()
                .statusCode(200)
                .body("items", hasSize(20))
                .body("next_cursor", notNullValue());
        List<String> seen = new ArrayList<>();
        List<String> types = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as(owner).queryParam("limit", 10);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get(events).then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            types.addAll(page.path("items.type"));
            cursor = page.path("next_cursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
        assertThat(types.get(0)).isEqualTo("created");
        assertThat(types.subList(1, 25)).containsOnly("updated");
        as(owner).queryParam("limit", 101).get(events).then().statusCode(422);
        as(owner).queryParam("limit", 0).get(events).then().statusCode(422);
        as(owner).queryParam("cursor", "bm90IGEgY3Vyc29y").get(events).then().statusCode(422);
        String cursorOfThisQuote =
                as(owner).queryParam("limit", 1).get(events).then().extract().path("next_cursor");
        as(owner)
                .queryParam("cursor", cursorOfThisQuote)
                .get(BASE + "/" + createDraft(owner) + "/events")
                .then()
                .statusCode(422)
                .body("code", equalTo("validation_failed"));
    }

    @Test
    void eventsListTheTrailOldestFirst() {
        TestUser owner = TestUser.customer();
        String id = createDraft(owner);
        as(owner)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("title", "Renamed"))
                .patch(BASE + "/" + id)
                .then()
                .statusCode(200);
        as(owner).post(BASE + "/" + id + "/submit").then().statusCode(200);
        as(owner)
                .get(BASE + "/" + id + "/events")
                .then()
                .statusCode(200)
                .body("items", hasSize(3))
                .body("items.type", equalTo(List.of("created", "updated", "submitted")))
                .body("items[0].from_status", nullValue())
                .body("items[0].to_status", equalTo("draft"))
                .body("items[1].from_status", equalTo("draft"))
                .body("items[1].to_status", equalTo("draft"))
                .body("items[2].from_status", equalTo("draft"))
                .body("items[2].to_status", equalTo("submitted"))
                .body("items[0].actor_id", equalTo(owner.id().toString()))
                .body("items[0].at", containsString("Z"))
                .body("items[0].id", notNullValue());
    }

    @Test
    void unknownIdIsNotFound() {
        fetch(TestUser.customer(), java.util.UUID.randomUUID().toString())
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not_found"));
        fetch(TestUser.customer(), "not-a-uuid").statusCode(404);
    }

    @Test
    void ifMatchStarMatchesAnyVersion() {
        TestUser owner = TestUser.customer();
        String id = createDraft(owner);
        as(owner)
                .contentType(ContentType.JSON)
                .header("If-Match", "*")
                .body(Map.of("title", "Starred"))
                .patch(BASE + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""));
        as(owner)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\", \"1\"")
                .body(Map.of("title", "Listed"))
                .patch(BASE + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"2\""));
        as(owner)
                .contentType(ContentType.JSON)
                .header("If-Match", "W/\"2\"")
                .body(Map.of("title", "Weak"))
                .patch(BASE + "/" + id)
                .then()
                .statusCode(412);
    }

    @Test
    void aMethodTheResourceDoesNotHaveIsAProblem() {
        TestUser owner = TestUser.customer();
        String id = createDraft(owner);
        as(owner)
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Put"))
                .put(BASE + "/" + id)
                .then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("code", equalTo("method_not_allowed"));
    }
}
