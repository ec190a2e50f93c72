package dev.patriotforge.quote.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patriotforge.quote.domain.QuoteItem;
import dev.patriotforge.quote.domain.QuoteRevision;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON parts of a revision: what is hashed (built here as maps for {@link CanonicalJson}) and
 * how the stored parts read back. Names are the API's snake_case; a quantity is a decimal string.
 * V3's backfill writes exactly this form in SQL.
 */
final class RevisionJson {
    /** Reads trees only; no binding, so the API mapper's settings do not matter here. */
    private static final ObjectMapper TREES = new ObjectMapper();

    private RevisionJson() {}

    /** The priced lines, in order, as they are hashed and stored. */
    static List<Map<String, Object>> items(List<QuoteItem> lines) {
        List<Map<String, Object>> items = new ArrayList<>(lines.size());
        for (QuoteItem line : lines) {
            Map<String, Object> item = new HashMap<>();
            item.put("id", line.id.toString());
            item.put("position", line.position);
            item.put("description", line.description);
            item.put("quantity", QuoteView.Item.plain(line.quantity).toPlainString());
            item.put("unit", line.unit);
            item.put("unit_price_minor", line.unitPriceMinor);
            item.put("discount_bps", line.discountBps);
            item.put("tax_rate_bps", line.taxRateBps);
            item.put("line_gross_minor", line.lineGrossMinor);
            item.put("line_discount_minor", line.lineDiscountMinor);
            item.put("line_total_minor", line.lineTotalMinor);
            items.add(item);
        }
        return items;
    }

    static List<Map<String, Object>> taxGroups(List<Pricing.TaxGroup> groups) {
        return groups.stream()
                .map(
                        g ->
                                Map.<String, Object>of(
                                        "tax_rate_bps", g.taxRateBps(),
                                        "taxable_minor", g.taxable(),
                                        "tax_minor", g.tax()))
                .toList();
    }

    /** Instants in canonical documents: always UTC with milliseconds. */
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    static String instant(Instant at) {
        return INSTANT.format(at);
    }

    /**
     * The whole revision as it is hashed: every field of the API's revision but sha256, with the
     * items and tax groups as built by {@link #items} and {@link #taxGroups(List)}.
     */
    static Map<String, Object> document(
            QuoteRevision r, List<Map<String, Object>> items, List<Map<String, Object>> groups) {
        Map<String, Object> doc = new HashMap<>();
        doc.put("quote_id", r.quoteId.toString());
        doc.put("revision", r.revision);
        doc.put("priced_at", instant(r.pricedAt));
        doc.put("priced_by", r.pricedBy == null ? null : r.pricedBy.toString());
        doc.put("note", r.note);
        doc.put("valid_until", instant(r.validUntil));
        doc.put("currency", r.currency);
        doc.put("tax_rate_bps", r.taxRateBps);
        doc.put("items", items);
        doc.put("subtotal_minor", r.subtotalMinor);
        doc.put("discount_minor", r.discountMinor);
        doc.put("tax_breakdown", groups);
        doc.put("tax_minor", r.taxMinor);
        doc.put("total_minor", r.totalMinor);
        return doc;
    }

    static JsonNode tree(String json) {
        try {
            return TREES.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not parse", e);
        }
    }

    static List<QuoteView.TaxGroup> taxGroups(String json) {
        List<QuoteView.TaxGroup> groups = new ArrayList<>();
        for (JsonNode g : tree(json)) {
            groups.add(
                    new QuoteView.TaxGroup(
                            g.get("tax_rate_bps").intValue(),
                            g.get("taxable_minor").longValue(),
                            g.get("tax_minor").longValue()));
        }
        return groups;
    }

    static List<QuoteView.Item> itemViews(String json) {
        List<QuoteView.Item> items = new ArrayList<>();
        for (JsonNode i : tree(json)) {
            JsonNode ownRate = i.get("tax_rate_bps");
            items.add(
                    new QuoteView.Item(
                            UUID.fromString(i.get("id").textValue()),
                            i.get("position").intValue(),
                            i.get("description").textValue(),
                            new BigDecimal(i.get("quantity").textValue()),
                            i.get("unit").textValue(),
                            i.get("unit_price_minor").longValue(),
                            i.get("discount_bps").intValue(),
                            ownRate == null || ownRate.isNull() ? null : ownRate.intValue(),
                            i.get("line_gross_minor").longValue(),
                            i.get("line_discount_minor").longValue(),
                            i.get("line_total_minor").longValue()));
        }
        return items;
    }
}
