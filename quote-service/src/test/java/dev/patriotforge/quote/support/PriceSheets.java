package dev.patriotforge.quote.support;

import static dev.patriotforge.quote.support.QuoteApi.createQuote;
import static dev.patriotforge.quote.support.QuoteApi.fetch;
import static dev.patriotforge.quote.support.QuoteApi.inDays;
import static dev.patriotforge.quote.support.QuoteApi.submit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Submitted quotes and price sheets with discounts and line tax rates, for the pricing tests. */
public final class PriceSheets {
    private PriceSheets() {}

    public static String submittedWith(TestUser owner, List<Map<String, Object>> items) {
        String id =
                createQuote(owner, Map.of("title", "Fence", "items", items))
                        .statusCode(201)
                        .extract()
                        .path("id");
        submit(owner, id).statusCode(200);
        return id;
    }

    /** A price sheet: per item {unit price, discount_bps, own rate or null}. */
    public static Map<String, Object> sheet(
            TestUser staff, String id, List<Object[]> lines, int rate, String note) {
        List<String> ids = fetch(staff, id).statusCode(200).extract().path("items.id");
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Map<String, Object> item = new HashMap<>();
            item.put("id", ids.get(i));
            item.put("unit_price_minor", lines.get(i)[0]);
            item.put("discount_bps", lines.get(i)[1]);
            if (lines.get(i)[2] != null) {
                item.put("tax_rate_bps", lines.get(i)[2]);
            }
            items.add(item);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("items", items);
        body.put("tax_rate_bps", rate);
        body.put("valid_until", inDays(30));
        body.put("note", note);
        return body;
    }

    public static final List<Map<String, Object>> THREE_LINES =
            List.of(
                    Map.of("description", "Posts", "quantity", 3),
                    Map.of("description", "Rails", "quantity", 2.5, "unit", "m"),
                    Map.of("description", "Gate", "quantity", 1));
}
