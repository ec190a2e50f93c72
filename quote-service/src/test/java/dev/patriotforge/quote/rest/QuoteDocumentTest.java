package dev.patriotforge.quote.rest;

import static dev.patriotforge.quote.support.QuoteApi.as;
import static dev.patriotforge.quote.support.QuoteApi.createDraft;
import static dev.patriotforge.quote.support.QuoteApi.createQuote;
import static dev.patriotforge.quote.support.QuoteApi.fetch;
import static dev.patriotforge.quote.support.QuoteApi.inDays;
import static dev.patriotforge.quote.support.QuoteApi.price;
import static dev.patriotforge.quote.support.QuoteApi.priceBody;
import static dev.patriotforge.quote.support.QuoteApi.pricedQuote;
import static dev.patriotforge.quote.support.QuoteApi.submit;
import static dev.patriotforge.quote.support.QuoteApi.submittedQuote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.patriotforge.quote.support.Database;
import dev.patriotforge.quote.support.Pdfs;
import dev.patriotforge.quote.support.PriceSheets;
import dev.patriotforge.quote.support.TestUser;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The quote document of a revision (contract 3.1), read back with PDFBox: every field, money by the
 * currency's minor units, Unicode as text, the same bytes every time, and the quote's visibility.
 */
@QuarkusTest
class QuoteDocumentTest {
    static final String UNICODE_TITLE = "Δοκιμή — Проверка € ✓";

    @Inject AgroalDataSource db;

    /**
     * A quote in {@code currency}, priced: Posts 1 x 1999 less 10 % at the quote's 8.25 %, Gate 2 x
     * 12345 at its own 20 %. Lines 1799 and 24690, subtotal 26489, discounts 200, tax 148 + 4938 =
     * 5086, total 31575.
     */
    static String priced(TestUser owner, TestUser staff, String currency, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("notes", "Deliver to gate 4.\nCall ahead — Привет.");
        body.put("currency", currency);
        body.put(
                "items",
                List.of(
                        Map.of("description", "Posts, galvanised", "quantity", 1),
                        Map.of("description", "Gate — Ωμέγα", "quantity", 2, "unit", "set")));
        String id = createQuote(owner, body).statusCode(201).extract().path("id");
        submit(owner, id).statusCode(200);
        List<Object[]> lines = new ArrayList<>();
        lines.add(new Object[] {1999, 1000, null});
        lines.add(new Object[] {12345, 0, 2000});
        price(staff, id, PriceSheets.sheet(staff, id, lines, 825, null)).statusCode(200);
        return id;
    }

    private static byte[] ok(Response response) {
        response.then()
                .statusCode(200)
                .contentType("application/pdf")
                .header("Cache-Control", "private");
        byte[] bytes = response.asByteArray();
        assertThat(response.header("ETag")).isEqualTo(Pdfs.etagOf(bytes));
        return bytes;
    }

    @Test
    void theDocumentShowsEveryFieldOfTheRevisionWithMoneyInDollars() {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String id = priced(owner, staff, "USD", UNICODE_TITLE);
        String number = fetch(owner, id).statusCode(200).extract().path("number");
        String text = Pdfs.text(ok(Pdfs.get(owner, id, 1)));
        assertThat(text)
                .contains("PatriotForge")
                .contains(number + " rev 1")
                .contains(owner.id() + "@example.com")
                .contains(UNICODE_TITLE)
                .contains("Deliver to gate 4.", "Call ahead — Привет.")
                .contains("Posts, galvanised", "Gate — Ωμέγα", "set")
                .contains("19.99", "10 %", "8.25 %", "17.99")
                .contains("123.45", "20 %", "246.90")
                .contains("Subtotal 264.89", "Discounts 2.00")
                .contains("Tax 8.25 % on 17.99 1.48", "Tax 20 % on 246.90 49.38")
                .contains("Total USD 315.75")
                .contains("Valid until", "Priced at", "UTC")
                .doesNotContain("?", "\uFFFD");
    }

    @Test
    void moneyFollowsTheMinorUnitsOfTheCurrency() {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String yen = Pdfs.text(ok(Pdfs.get(owner, priced(owner, staff, "JPY", "円 Yen"), 1)));
        assertThat(yen)
                .as("a character the font lacks is a visible U+FFFD, not a question mark")
                .contains("\uFFFD Yen")
                .contains("1,999", "12,345", "24,690", "Subtotal 26,489", "Discounts 200")
                .contains("Tax 20 % on 24,690 4,938", "Total JPY 31,575");
        String dinar = Pdfs.text(ok(Pdfs.get(owner, priced(owner, staff, "BHD", "Dinar"), 1)));
        assertThat(dinar)
                .contains("1.999", "12.345", "24.690", "Subtotal 26.489", "Discounts 0.200")
                .contains("Tax 8.25 % on 1.799 0.148", "Total BHD 31.575");
    }

    @Test
    void theSameRevisionGivesTheSameBytesAndIfNoneMatchGets304() {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String id = pricedQuote(owner, staff);
        byte[] first = ok(Pdfs.get(owner, id, 1));
        byte[] second = ok(Pdfs.get(staff, id, 1));
        assertThat(second).isEqualTo(first);
        String etag = Pdfs.etagOf(first);
        for (String header : List.of(etag, "W/" + etag, "\"other\", " + etag, "*")) {
            Response notModified = as(owner).header("If-None-Match", header).get(Pdfs.path(id, 1));
            notModified.then().statusCode(304).header("ETag", etag);
            assertThat(notModified.asByteArray()).isEmpty();
        }
        ok(as(owner).header("If-None-Match", "\"other\"").get(Pdfs.path(id, 1)));
        price(staff, id, priceBody(staff, id, inDays(20))).statusCode(200);
        byte[] revision2 = ok(Pdfs.get(owner, id, 2));
        assertThat(Pdfs.etagOf(revision2)).isNotEqualTo(etag);
        assertThat(ok(Pdfs.get(owner, id, 1))).isEqualTo(first);
    }

    @Test
    void theDocumentIsVisibleExactlyWhereTheQuoteIs() {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String id = pricedQuote(owner, staff);
        ok(Pdfs.get(staff, id, 1));
        ok(Pdfs.get(TestUser.admin(), id, 1));
        Pdfs.get(TestUser.customer(), id, 1)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not_found"));
        for (Object absent : List.of(0, 2, -1, "abc", "99999999999")) {
            Pdfs.get(owner, id, absent).then().statusCode(404);
        }
        Pdfs.get(owner, UUID.randomUUID().toString(), 1).then().statusCode(404);
        String submitted = submittedQuote(owner);
        Pdfs.get(owner, submitted, 1).then().statusCode(404);
        Pdfs.get(staff, submitted, 1).then().statusCode(404);
        String draft = createDraft(owner);
        Pdfs.get(owner, draft, 1).then().statusCode(404);
    }

    @Test
    void aQuoteFromBeforeV4ShowsTheCustomerIdAndTheEmailIsNotInTheApi() {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String id = pricedQuote(owner, staff);
        assertThat(Database.text(db, "SELECT customer_email FROM forge_quotes WHERE id = ?", id))
                .isEqualTo(owner.id() + "@example.com");
        Map<String, Object> quote =
                fetch(owner, id).statusCode(200).extract().jsonPath().getMap("");
        assertThat(quote).doesNotContainKey("customer_email");
        Database.updateOne(db, "UPDATE forge_quotes SET customer_email = NULL WHERE id = ?", id);
        String text = Pdfs.text(ok(Pdfs.get(owner, id, 1)));
        assertThat(text).contains("customer " + owner.id()).doesNotContain("@example.com");
    }
}
