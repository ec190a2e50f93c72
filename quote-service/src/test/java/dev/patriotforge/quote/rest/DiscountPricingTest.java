package dev.patriotforge.quote.rest;

import static dev.patriotforge.quote.support.PriceSheets.THREE_LINES;
import static dev.patriotforge.quote.support.PriceSheets.sheet;
import static dev.patriotforge.quote.support.PriceSheets.submittedWith;
import static dev.patriotforge.quote.support.QuoteApi.fetch;
import static dev.patriotforge.quote.support.QuoteApi.price;
import static dev.patriotforge.quote.support.QuoteApi.revisions;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.patriotforge.quote.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Discounts and tax per rate group over HTTP, worked out by hand in the comments; the request
 * fields of a pricing are validated.
 */
@QuarkusTest
class DiscountPricingTest {

    @Test
    void discountsAndLineRatesFollowTheContractsArithmetic() {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String id = submittedWith(owner, THREE_LINES);
        // Posts: 3 * 1999 = 5997; 10 % = 599.7 -> 600; 5397 at the quote's 825.
        // Rails: 2.5 * 1001 = 2502.5 -> 2502 (half even); 2.5 % = 62.55 -> 63; 2439 at 0.
        // Gate: 333, no discount, at 2000.
        // 0: 2439 -> 0; 825: 5397 * 0.0825 = 445.2525 -> 445; 2000: 333 * 0.2 = 66.6 -> 67.
        // subtotal 8169, discount 663, tax 512, total 8681.
        List<Object[]> lines =
                List.of(
                        new Object[] {1999, 1000, null},
                        new Object[] {1001, 250, 0},
                        new Object[] {333, 0, 2000});
        price(staff, id, sheet(staff, id, lines, 825, "Spring discount"))
                .statusCode(200)
                .body("revision", equalTo(1))
                .body("items.line_gross_minor", equalTo(List.of(5997, 2502, 333)))
                .body("items.line_discount_minor", equalTo(List.of(600, 63, 0)))
                .body("items.line_total_minor", equalTo(List.of(5397, 2439, 333)))
                .body("items.discount_bps", equalTo(List.of(1000, 250, 0)))
                .body("items[0].tax_rate_bps", nullValue())
                .body("items[1].tax_rate_bps", equalTo(0))
                .body("subtotal_minor", equalTo(8169))
                .body("discount_minor", equalTo(663))
                .body("tax_breakdown.tax_rate_bps", equalTo(List.of(0, 825, 2000)))
                .body("tax_breakdown.taxable_minor", equalTo(List.of(2439, 5397, 333)))
                .body("tax_breakdown.tax_minor", equalTo(List.of(0, 445, 67)))
                .body("tax_minor", equalTo(512))
                .body("total_minor", equalTo(8681));
        revisions(owner, id)
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].revision", equalTo(1))
                .body("items[0].note", equalTo("Spring discount"))
                .body("items[0].priced_by", equalTo(staff.id().toString()))
                .body("items[0].total_minor", equalTo(8681))
                .body("items[0].items.line_total_minor", equalTo(List.of(5397, 2439, 333)))
                .body("next_cursor", nullValue());
    }

    @Test
    void aFullDiscountMakesALineFreeButNeverNegative() {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String id = submittedWith(owner, List.of(Map.of("description", "Gift", "quantity", 2)));
        price(
                        staff,
                        id,
                        sheet(
                                staff,
                                id,
                                List.<Object[]>of(new Object[] {500, 10000, null}),
                                825,
                                null))
                .statusCode(200)
                .body("items[0].line_total_minor", equalTo(0))
                .body("discount_minor", equalTo(1000))
                .body("total_minor", equalTo(0));
    }

    @Test
    void pricingFieldsAreValidated() {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String id = submittedWith(owner, List.of(Map.of("description", "Bolt", "quantity", 1)));
        for (Object[] bad :
                List.of(
                        new Object[] {1, 10001, null},
                        new Object[] {1, -1, null},
                        new Object[] {1, 12.5, null},
                        new Object[] {1, 0, 10001},
                        new Object[] {1, 0, 12.5})) {
            price(staff, id, sheet(staff, id, List.<Object[]>of(bad), 825, null))
                    .statusCode(422)
                    .body("code", equalTo("validation_failed"));
        }
        price(
                        staff,
                        id,
                        sheet(
                                staff,
                                id,
                                List.<Object[]>of(new Object[] {1, 0, null}),
                                0,
                                "x".repeat(2001)))
                .statusCode(422)
                .body("errors.field", hasItem("note"));
        fetch(owner, id).body("status", equalTo("submitted")).body("revision", equalTo(0));
    }
}
