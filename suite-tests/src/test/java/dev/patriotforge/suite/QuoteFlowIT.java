package dev.patriotforge.suite;

import static dev.patriotforge.suite.Suite.gateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.patriotforge.testsupport.api.Api.Account;
import dev.patriotforge.testsupport.api.Api.Tokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A quote from draft to accepted, with a customer, a user promoted to staff, and the admin. */
@Tag("flow")
class QuoteFlowIT {

    @BeforeEach
    void suiteIsUp() {
        Suite.assumeRunning();
    }

    @Test
    void aCustomerQuoteIsSubmittedPricedByNewStaffAndAccepted() {
        Account customer = Suite.register("customer");
        Tokens customerTokens = Suite.login(customer);

        Response created =
                gateway(customerTokens.access())
                        .body(
                                Map.of(
                                        "title",
                                        "Suite fence panels",
                                        "currency",
                                        "USD",
                                        "items",
                                        List.of(
                                                Map.of(
                                                        "description", "Cedar panel",
                                                        "quantity", 3,
                                                        "unit", "ea"),
                                                Map.of(
                                                        "description", "Installation",
                                                        "quantity", 2.5,
                                                        "unit", "h"))))
                        .post("/api/quotes");
        created.then()
                .statusCode(201)
                .header("ETag", startsWith("\""))
                .body("status", equalTo("draft"))
                .body("customer_id", equalTo(customer.id()))
                .body("total_minor", nullValue());
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/quotes/" + id);
        assertThat(created.jsonPath().getString("number")).matches("Q-\\d{4}-\\d{6,}");

        Response submitted =
                gateway(customerTokens.access())
                        .header("If-Match", created.header("ETag"))
                        .post("/api/quotes/" + id + "/submit");
        submitted.then().statusCode(200).body("status", equalTo("submitted"));

        // A customer may not price; a user promoted to staff by the admin may.
        gateway(customerTokens.access())
                .body(priceBody(submitted.jsonPath()))
                .post("/api/quotes/" + id + "/price")
                .then()
                .statusCode(403)
                .body("code", equalTo("forbidden"));

        Account staff = Suite.register("staff");
        Tokens admin = Suite.adminLogin();
        gateway(admin.access())
                .queryParam("email", staff.email())
                .get("/api/auth/users")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(staff.id()));
        gateway(admin.access())
                .body(Map.of("role", "staff"))
                .patch("/api/auth/users/" + staff.id())
                .then()
                .statusCode(200)
                .body("role", equalTo("staff"));
        Tokens staffTokens = Suite.login(staff);

        gateway(staffTokens.access())
                .queryParam("status", "submitted")
                .get("/api/quotes")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));

        Response priced =
                gateway(staffTokens.access())
                        .header("If-Match", submitted.header("ETag"))
                        .body(priceBody(submitted.jsonPath()))
                        .post("/api/quotes/" + id + "/price");
        priced.then().statusCode(200).body("status", equalTo("priced"));
        // 3 x 1999 = 5997 and 2.5 x 4500 = 11250; tax 8.25 % of 17247 = 1422.8 -> 1423.
        assertThat(priced.jsonPath().getLong("subtotal_minor")).isEqualTo(17_247L);
        assertThat(priced.jsonPath().getLong("tax_minor")).isEqualTo(1_423L);
        assertThat(priced.jsonPath().getLong("total_minor")).isEqualTo(18_670L);

        gateway(customerTokens.access())
                .header("If-Match", priced.header("ETag"))
                .post("/api/quotes/" + id + "/accept")
                .then()
                .statusCode(200)
                .body("status", equalTo("accepted"));

        List<String> transitions =
                gateway(customerTokens.access())
                        .get("/api/quotes/" + id + "/events")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.to_status", String.class);
        assertThat(transitions).containsSubsequence("submitted", "priced", "accepted");
    }

    private static Map<String, Object> priceBody(JsonPath quote) {
        List<String> itemIds = quote.getList("items.id", String.class);
        List<Integer> prices = List.of(1999, 4500);
        return Map.of(
                "items",
                List.of(
                        Map.of("id", itemIds.get(0), "unit_price_minor", prices.get(0)),
                        Map.of("id", itemIds.get(1), "unit_price_minor", prices.get(1))),
                "tax_rate_bps",
                825,
                "valid_until",
                Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
    }
}
