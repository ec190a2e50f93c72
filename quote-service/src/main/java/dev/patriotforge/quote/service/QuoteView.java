package dev.patriotforge.quote.service;

import dev.patriotforge.quote.domain.Quote;
import dev.patriotforge.quote.domain.QuoteItem;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A quote as the API shows it. Money fields are null until the quote is priced. */
@RegisterForReflection
@Schema(name = "Quote")
public record QuoteView(
        UUID id,
        @Schema(examples = "Q-2026-000042") String number,
        @Schema(description = "The current revision: 0 until the first pricing") int revision,
        UUID customerId,
        @Schema(
                        enumeration = {
                            "draft",
                            "submitted",
                            "priced",
                            "accepted",
                            "declined",
                            "expired",
                            "cancelled"
                        })
                String status,
        String title,
        String notes,
        @Schema(examples = "USD") String currency,
        List<Item> items,
        Long subtotalMinor,
        @Schema(description = "The sum of the lines' discounts") Long discountMinor,
        @Schema(description = "The rate of lines without their own") Integer taxRateBps,
        Long taxMinor,
        @Schema(description = "Tax per rate group, by rate ascending", nullable = true)
                List<TaxGroup> taxBreakdown,
        Long totalMinor,
        Instant validUntil,
        Instant submittedAt,
        Instant pricedAt,
        Instant decidedAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public QuoteView {
        items = List.copyOf(items);
        taxBreakdown = taxBreakdown == null ? null : List.copyOf(taxBreakdown);
    }

    /** One line of a quote; prices are null until the quote is priced. */
    @RegisterForReflection
    @Schema(name = "QuoteItem")
    public record Item(
            UUID id,
            int position,
            String description,
            BigDecimal quantity,
            String unit,
            Long unitPriceMinor,
            Integer discountBps,
            @Schema(description = "The line's own rate; null when it takes the quote's")
                    Integer taxRateBps,
            Long lineGrossMinor,
            Long lineDiscountMinor,
            Long lineTotalMinor) {

        static Item from(QuoteItem item) {
            return new Item(
                    item.id,
                    item.position,
                    item.description,
                    plain(item.quantity),
                    item.unit,
                    item.unitPriceMinor,
                    item.discountBps,
                    item.taxRateBps,
                    item.lineGrossMinor,
                    item.lineDiscountMinor,
                    item.lineTotalMinor);
        }

        /** {@code 12.000} reads as {@code 12}, {@code 2.500} as {@code 2.5}. */
        static BigDecimal plain(BigDecimal quantity) {
            BigDecimal stripped = quantity.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
    }

    /** The tax of the lines at one rate. */
    @RegisterForReflection
    @Schema(name = "QuoteTaxGroup")
    public record TaxGroup(int taxRateBps, long taxableMinor, long taxMinor) {}

    static QuoteView from(Quote quote) {
        return new QuoteView(
                quote.id,
                quote.number,
                quote.revision,
                quote.customerId,
                quote.status.wire(),
                quote.title,
                quote.notes,
                quote.currency,
                quote.items.stream().map(Item::from).toList(),
                quote.subtotalMinor,
                quote.discountMinor,
                quote.taxRateBps,
                quote.taxMinor,
                quote.taxBreakdown == null ? null : RevisionJson.taxGroups(quote.taxBreakdown),
                quote.totalMinor,
                quote.validUntil,
                quote.submittedAt,
                quote.pricedAt,
                quote.decidedAt,
                quote.createdAt,
                quote.updatedAt,
                quote.version);
    }
}
