package dev.patriotforge.quote.rest;

import static dev.patriotforge.quote.support.PriceSheets.THREE_LINES;
import static dev.patriotforge.quote.support.PriceSheets.sheet;
import static dev.patriotforge.quote.support.PriceSheets.submittedWith;
import static dev.patriotforge.quote.support.QuoteApi.accept;
import static dev.patriotforge.quote.support.QuoteApi.as;
import static dev.patriotforge.quote.support.QuoteApi.events;
import static dev.patriotforge.quote.support.QuoteApi.fetch;
import static dev.patriotforge.quote.support.QuoteApi.price;
import static dev.patriotforge.quote.support.QuoteApi.requestChanges;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.patriotforge.quote.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Change requests, re-pricing and the acceptance evidence in the audit trail, over HTTP. The
 * amounts are worked out by hand in the comments.
 */
@QuarkusTest
class NegotiationTest {

    @Test
    void changeRequestRePricingAndAcceptanceLeaveAnAuditTrailWithDetails() {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String id = submittedWith(owner, THREE_LINES);
        List<Object[]> first =
                List.of(
                        new Object[] {1999, 0, null},
                        new Object[] {1001, 0, null},
                        new Object[] {333, 0, null});
        price(staff, id, sheet(staff, id, first, 825, null)).statusCode(200);
        requestChanges(
                        owner,
                        id,
                        Map.of(
                                "reason",
                                "Only the gate, twice",
                                "items",
                                List.of(Map.of("description", "Gate", "quantity", 2))))
                .statusCode(200)
                .body("status", equalTo("submitted"))
                .body("revision", equalTo(1))
                .body("items", hasSize(1))
                .body("items[0].unit_price_minor", nullValue())
                .body("total_minor", nullValue())
                .body("tax_breakdown", nullValue())
                .body("valid_until", nullValue());
        // 2 * 333 = 666; 5 % = 33.3 -> 33; 633 at 825: 52.2225 -> 52; total 685.
        price(
                        staff,
                        id,
                        sheet(
                                staff,
                                id,
                                List.<Object[]>of(new Object[] {333, 500, null}),
                                825,
                                "v2"))
                .statusCode(200)
                .body("revision", equalTo(2))
                .body("total_minor", equalTo(685));
        // Re-pricing before the customer decides: revision 3, priced -> priced.
        price(
                        staff,
                        id,
                        sheet(
                                staff,
                                id,
                                List.<Object[]>of(new Object[] {333, 1000, null}),
                                825,
                                "v3"))
                .statusCode(200)
                .body("status", equalTo("priced"))
                .body("revision", equalTo(3));
        JsonPath revisionOne =
                as(owner)
                        .get("/api/quotes/" + id + "/revisions/1")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(revisionOne.getList("items.description"))
                .containsExactly("Posts", "Rails", "Gate");
        String sha3 =
                as(owner)
                        .get("/api/quotes/" + id + "/revisions/3")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("sha256");

        as(owner)
                .header("User-Agent", "NegotiationTest/1.0")
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "signer_name",
                                "Ada Buyer",
                                "signer_title",
                                "CFO",
                                "purchase_order",
                                "PO-77"))
                .post("/api/quotes/" + id + "/accept")
                .then()
                .statusCode(200)
                .body("status", equalTo("accepted"))
                .body("revision", equalTo(3));

        JsonPath trail = events(owner, id).statusCode(200).extract().jsonPath();
        assertThat(trail.getList("items.type"))
                .containsExactly(
                        "created",
                        "submitted",
                        "priced",
                        "changes_requested",
                        "priced",
                        "priced",
                        "accepted");
        assertThat(trail.getMap("items[0]")).containsEntry("details", null);
        assertThat(trail.getMap("items[2].details")).isEqualTo(Map.of("revision", 1));
        assertThat(trail.getMap("items[3].details"))
                .isEqualTo(Map.of("reason", "Only the gate, twice"));
        assertThat(trail.getString("items[5].from_status")).isEqualTo("priced");
        assertThat(trail.getString("items[5].to_status")).isEqualTo("priced");
        Map<String, Object> evidence = trail.getMap("items[6].details");
        assertThat(evidence)
                .containsEntry("revision", 3)
                .containsEntry("revision_sha256", sha3)
                .containsEntry("signer_name", "Ada Buyer")
                .containsEntry("signer_title", "CFO")
                .containsEntry("purchase_order", "PO-77")
                .containsEntry("ip", "127.0.0.1")
                .containsEntry("user_agent", "NegotiationTest/1.0");
        // Staff see the same trail.
        events(staff, id).statusCode(200).body("items[6].details.revision_sha256", equalTo(sha3));
    }

    @Test
    void acceptWithoutABodyKeepsNullEvidenceAndBadEvidenceIsRefused() {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String id = submittedWith(owner, List.of(Map.of("description", "Bolt", "quantity", 1)));
        price(staff, id, sheet(staff, id, List.<Object[]>of(new Object[] {100, 0, null}), 0, null))
                .statusCode(200);
        accept(owner, id, Map.of("signer_name", "A", "extra", 1))
                .statusCode(422)
                .body("errors.field", hasItem("extra"));
        accept(owner, id, Map.of("signer_name", ""))
                .statusCode(422)
                .body("errors.field", hasItem("signer_name"));
        accept(owner, id, Map.of("purchase_order", "p".repeat(101)))
                .statusCode(422)
                .body("errors.field", hasItem("purchase_order"));
        accept(owner, id, Map.of("signer_title", 5)).statusCode(422);
        fetch(owner, id).body("status", equalTo("priced"));
        // A body of another type is 415; a JSON Content-Type with no body accepts, no evidence.
        as(owner)
                .contentType(ContentType.TEXT)
                .body("signer_name=A")
                .post("/api/quotes/" + id + "/accept")
                .then()
                .statusCode(415);
        String other = submittedWith(owner, List.of(Map.of("description", "Nut", "quantity", 1)));
        price(
                        staff,
                        other,
                        sheet(staff, other, List.<Object[]>of(new Object[] {5, 0, null}), 0, null))
                .statusCode(200);
        as(owner)
                .contentType(ContentType.JSON)
                .post("/api/quotes/" + other + "/accept")
                .then()
                .statusCode(200)
                .body("status", equalTo("accepted"));
        as(owner)
                .header("User-Agent", "u".repeat(2000))
                .post("/api/quotes/" + id + "/accept")
                .then()
                .statusCode(200);
        Map<String, Object> evidence =
                events(owner, id).extract().jsonPath().getMap("items[3].details");
        assertThat(evidence).containsEntry("revision", 1).containsEntry("signer_name", null);
        assertThat((String) evidence.get("user_agent")).hasSize(512);
    }

    @Test
    void requestChangesIsValidatedAndKeepsTheItemsWithoutNewOnes() {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String id = submittedWith(owner, THREE_LINES);
        List<Object[]> first =
                List.of(
                        new Object[] {1, 0, null},
                        new Object[] {2, 0, null},
                        new Object[] {3, 0, null});
        price(staff, id, sheet(staff, id, first, 0, null)).statusCode(200);
        requestChanges(owner, id, Map.of()).statusCode(422).body("errors.field", hasItem("reason"));
        requestChanges(owner, id, Map.of("reason", " ")).statusCode(422);
        requestChanges(owner, id, Map.of("reason", "r".repeat(2001))).statusCode(422);
        requestChanges(owner, id, Map.of("reason", "ok", "items", List.of()))
                .statusCode(422)
                .body("errors.field", hasItem("items"));
        requestChanges(owner, id, Map.of("reason", "ok", "title", "x"))
                .statusCode(422)
                .body("errors.field", hasItem("title"));
        fetch(owner, id).body("status", equalTo("priced"));
        requestChanges(staff, id, Map.of("reason", "staff may not")).statusCode(403);
        List<String> before = fetch(owner, id).extract().path("items.id");
        requestChanges(owner, id, Map.of("reason", "Just cheaper"))
                .statusCode(200)
                .body("items.id", equalTo(before))
                .body("items.line_total_minor", equalTo(java.util.Arrays.asList(null, null, null)));
    }
}
