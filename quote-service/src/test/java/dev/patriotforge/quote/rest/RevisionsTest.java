package dev.patriotforge.quote.rest;

import static dev.patriotforge.quote.support.QuoteApi.as;
import static dev.patriotforge.quote.support.QuoteApi.createDraft;
import static dev.patriotforge.quote.support.QuoteApi.inDays;
import static dev.patriotforge.quote.support.QuoteApi.price;
import static dev.patriotforge.quote.support.QuoteApi.priceBody;
import static dev.patriotforge.quote.support.QuoteApi.pricedQuote;
import static dev.patriotforge.quote.support.QuoteApi.revisions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patriotforge.quote.service.CanonicalJson;
import dev.patriotforge.quote.support.TestUser;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Revisions: one per pricing, readable exactly where the quote is, paginated oldest first, hashed
 * over a canonical form a client can rebuild, and never changed (the database refuses it).
 */
@QuarkusTest
class RevisionsTest {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Inject AgroalDataSource db;

    private static String path(String id, Object n) {
        return "/api/quotes/" + id + "/revisions/" + n;
    }

    @Test
    void revisionsAreVisibleExactlyWhereTheQuoteIs() {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String id = pricedQuote(owner, staff);
        as(owner).get(path(id, 1)).then().statusCode(200).body("revision", equalTo(1));
        as(staff).get(path(id, 1)).then().statusCode(200);
        as(TestUser.admin()).get(path(id, 1)).then().statusCode(200);
        TestUser stranger = TestUser.customer();
        as(stranger).get(path(id, 1)).then().statusCode(404).body("code", equalTo("not_found"));
        revisions(stranger, id).statusCode(404);
        for (Object absent : List.of(0, 2, -1, "abc", "99999999999")) {
            as(owner).get(path(id, absent)).then().statusCode(404);
        }
        String draft = createDraft(owner);
        revisions(owner, draft).statusCode(200).body("items", hasSize(0));
        revisions(staff, draft).statusCode(404);
        as(owner).get(path(draft, 1)).then().statusCode(404);
    }

    @Test
    void revisionsPageOldestFirstWithACursor() {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String id = pricedQuote(owner, staff);
        price(staff, id, priceBody(staff, id, inDays(20))).statusCode(200);
        price(staff, id, priceBody(staff, id, inDays(10))).statusCode(200);
        String cursor =
                as(owner)
                        .get("/api/quotes/" + id + "/revisions?limit=2")
                        .then()
                        .statusCode(200)
                        .body("items.revision", equalTo(List.of(1, 2)))
                        .body("next_cursor", notNullValue())
                        .extract()
                        .path("next_cursor");
        as(owner)
                .queryParam("cursor", cursor)
                .get("/api/quotes/" + id + "/revisions?limit=2")
                .then()
                .statusCode(200)
                .body("items.revision", equalTo(List.of(3)))
                .body("next_cursor", nullValue());
        String other = pricedQuote(owner, staff);
        as(owner)
                .queryParam("cursor", cursor)
                .get("/api/quotes/" + other + "/revisions")
                .then()
                .statusCode(422)
                .body("errors.field", equalTo(List.of("cursor")));
        as(owner).get("/api/quotes/" + id + "/revisions?limit=0").then().statusCode(422);
        as(owner).get("/api/quotes/" + id + "/revisions?cursor=zz").then().statusCode(422);
    }

    @Test
    void theShaIsOverTheCanonicalFormOfTheRevisionAsShown() throws Exception {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String id = pricedQuote(owner, staff);
        String body = as(owner).get(path(id, 1)).then().statusCode(200).extract().asString();
        @SuppressWarnings("unchecked")
        Map<String, Object> revision = JSON.readValue(body, Map.class);
        String sha = (String) revision.remove("sha256");
        revision.put("priced_at", millis((String) revision.get("priced_at")));
        revision.put("valid_until", millis((String) revision.get("valid_until")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) revision.get("items");
        for (Map<String, Object> item : items) {
            item.put(
                    "quantity",
                    new BigDecimal(item.get("quantity").toString())
                            .stripTrailingZeros()
                            .toPlainString());
        }
        String canonical = CanonicalJson.write(revision);
        assertThat(canonical).startsWith("{\"currency\":\"USD\",\"discount_minor\":0,\"items\":[{");
        assertThat(canonical)
                .contains("\"quantity\":\"1\"")
                .doesNotContain("\": ")
                .doesNotContain(", \"");
        assertThat(CanonicalJson.sha256(canonical)).isEqualTo(sha);
        assertThat(stored(id, "canonical")).isEqualTo(canonical);
    }

    private static String millis(String instant) {
        return MILLIS.format(Instant.parse(instant));
    }

    private String stored(String quoteId, String column) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s =
                        c.prepareStatement(
                                "SELECT "
                                        + column
                                        + " FROM forge_quote_revisions WHERE quote_id = ?"
                                        + " AND revision = 1")) {
            s.setObject(1, UUID.fromString(quoteId));
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getString(1);
            }
        }
    }

    @Test
    void theServicesDatabaseRoleCannotChangeOrDeleteARevision() throws SQLException {
        TestUser owner = TestUser.customer();
        String id = pricedQuote(owner, TestUser.staff());
        String sha = stored(id, "sha256");
        for (String sql :
                List.of(
                        "UPDATE forge_quote_revisions SET total_minor = 1 WHERE quote_id = ?",
                        "UPDATE forge_quote_revisions SET sha256 = repeat('0', 64) WHERE quote_id ="
                                + " ?",
                        "DELETE FROM forge_quote_revisions WHERE quote_id = ?")) {
            try (Connection c = db.getConnection();
                    PreparedStatement s = c.prepareStatement(sql)) {
                s.setObject(1, UUID.fromString(id));
                assertThatThrownBy(s::executeUpdate)
                        .as(sql)
                        .isInstanceOf(SQLException.class)
                        .satisfies(
                                e ->
                                        assertThat(((SQLException) e).getSQLState())
                                                .as("refused by privileges or by the trigger")
                                                .isIn("42501", "23000"));
            }
        }
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("TRUNCATE forge_quote_revisions")) {
            assertThatThrownBy(s::execute).isInstanceOf(SQLException.class);
        }
        assertThat(stored(id, "sha256")).isEqualTo(sha);
        as(owner).get(path(id, 1)).then().statusCode(200).body("sha256", equalTo(sha));
    }
}
