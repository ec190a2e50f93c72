package dev.patriotforge.quote.rest;

import static dev.patriotforge.quote.support.QuoteApi.BASE;
import static dev.patriotforge.quote.support.QuoteApi.as;
import static dev.patriotforge.quote.support.QuoteApi.createDraft;
import static dev.patriotforge.quote.support.QuoteApi.fetch;
import static dev.patriotforge.quote.support.QuoteApi.inDays;
import static dev.patriotforge.quote.support.QuoteApi.priceBody;
import static dev.patriotforge.quote.support.QuoteApi.pricedQuote;
import static dev.patriotforge.quote.support.QuoteApi.submittedQuote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.patriotforge.quote.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every state change with a stale {@code If-Match} gets 412 {@code version_mismatch} and changes
 * nothing: the quote (version, status, every field) and its audit trail stay as they were, and the
 * same request with the current ETag then succeeds.
 */
@QuarkusTest
class StaleIfMatchTest {

    /** The quote and its audit trail as the owner sees them. */
    private record Snapshot(String etag, Map<String, Object> quote, List<Object> events) {
        static Snapshot of(TestUser owner, String id) {
            ExtractableResponse<Response> quote = fetch(owner, id).statusCode(200).extract();
            List<Object> events =
                    as(owner)
                            .get(BASE + "/" + id + "/events?limit=100")
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("items");
            return new Snapshot(quote.header("ETag"), quote.jsonPath().getMap(""), events);
        }

        int version() {
            return ((Number) quote.get("version")).intValue();
        }
    }

    private static Response post(
            TestUser actor, String id, String action, Object body, String ifMatch) {
        RequestSpecification request = as(actor).header("If-Match", ifMatch);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.post(BASE + "/" + id + "/" + action);
    }

    /** Checks the stale-version refusal of {@code action}, then does it with the current ETag. */
    private static void staleIsRefusedAndCurrentWins(
            TestUser actor, TestUser owner, String id, String action, Object body) {
        Snapshot before = Snapshot.of(owner, id);
        int version = before.version();
        assertThat(version).as("the quote has an older version to be stale against").isPositive();
        for (String stale :
                List.of("\"" + (version - 1) + "\"", "\"0\"", "\"" + (version + 1) + "\"")) {
            post(actor, id, action, body, stale)
                    .then()
                    .statusCode(412)
                    .contentType("application/problem+json")
                    .body("code", equalTo("version_mismatch"));
        }
        Snapshot after = Snapshot.of(owner, id);
        assertThat(after)
                .as("%s with a stale If-Match changed the quote", action)
                .isEqualTo(before);
        post(actor, id, action, body, before.etag())
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"" + (version + 1) + "\""));
    }

    /** A draft at version 1 (one edit), so that version 0 is stale. */
    private static String editedDraft(TestUser owner) {
        String id = createDraft(owner);
        as(owner)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("title", "Edited"))
                .patch(BASE + "/" + id)
                .then()
                .statusCode(200);
        return id;
    }

    @Test
    void submitWithAStaleIfMatchChangesNothing() {
        TestUser owner = TestUser.customer();
        staleIsRefusedAndCurrentWins(owner, owner, editedDraft(owner), "submit", null);
    }

    @Test
    void priceWithAStaleIfMatchChangesNothing() {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String id = submittedQuote(owner);
        staleIsRefusedAndCurrentWins(staff, owner, id, "price", priceBody(staff, id, inDays(30)));
    }

    @Test
    void acceptWithAStaleIfMatchChangesNothing() {
        TestUser owner = TestUser.customer();
        String id = pricedQuote(owner, TestUser.staff());
        staleIsRefusedAndCurrentWins(owner, owner, id, "accept", null);
    }

    @Test
    void rePricingWithAStaleIfMatchChangesNothing() {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String id = pricedQuote(owner, staff);
        staleIsRefusedAndCurrentWins(staff, owner, id, "price", priceBody(staff, id, inDays(20)));
    }

    @Test
    void requestChangesWithAStaleIfMatchChangesNothing() {
        TestUser owner = TestUser.customer();
        String id = pricedQuote(owner, TestUser.staff());
        staleIsRefusedAndCurrentWins(
                owner, owner, id, "request-changes", Map.of("reason", "Two more posts"));
    }

    @Test
    void acceptWithEvidenceAndAStaleIfMatchChangesNothing() {
        TestUser owner = TestUser.customer();
        String id = pricedQuote(owner, TestUser.staff());
        staleIsRefusedAndCurrentWins(
                owner, owner, id, "accept", Map.of("signer_name", "Ada Buyer"));
    }

    @Test
    void declineWithAStaleIfMatchChangesNothing() {
        TestUser owner = TestUser.customer();
        String id = pricedQuote(owner, TestUser.staff());
        staleIsRefusedAndCurrentWins(owner, owner, id, "decline", null);
    }

    @Test
    void cancelWithAStaleIfMatchChangesNothingWhoeverCancels() {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        staleIsRefusedAndCurrentWins(owner, owner, editedDraft(owner), "cancel", null);
        staleIsRefusedAndCurrentWins(staff, owner, submittedQuote(owner), "cancel", null);
        staleIsRefusedAndCurrentWins(owner, owner, pricedQuote(owner, staff), "cancel", null);
    }
}
