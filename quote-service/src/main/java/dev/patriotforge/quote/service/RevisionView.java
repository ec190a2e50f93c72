package dev.patriotforge.quote.service;

import dev.patriotforge.quote.domain.QuoteRevision;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One pricing of a quote as the API shows it; it never changes once written. {@code sha256} is the
 * SHA-256 of the revision's canonical JSON (RFC 8785 for the subset used): this document without
 * sha256, members sorted, no whitespace, quantities as decimal strings, instants in UTC with
 * milliseconds.
 */
@RegisterForReflection
@Schema(name = "QuoteRevision")
public record RevisionView(
        int revision,
        UUID quoteId,
        Instant pricedAt,
        @Schema(description = "Who priced it; null only for revisions of quotes priced before V3")
                UUID pricedBy,
        String note,
        Instant validUntil,
        String currency,
        int taxRateBps,
        List<QuoteView.Item> items,
        long subtotalMinor,
        long discountMinor,
        List<QuoteView.TaxGroup> taxBreakdown,
        long taxMinor,
        long totalMinor,
        @Schema(description = "Lower-case hex SHA-256 of the canonical JSON", examples = "9f86...")
                String sha256) {

    public RevisionView {
        items = List.copyOf(items);
        taxBreakdown = List.copyOf(taxBreakdown);
    }

    static RevisionView from(QuoteRevision r) {
        return new RevisionView(
                r.revision,
                r.quoteId,
                r.pricedAt,
                r.pricedBy,
                r.note,
                r.validUntil,
                r.currency,
                r.taxRateBps,
                RevisionJson.itemViews(r.items),
                r.subtotalMinor,
                r.discountMinor,
                RevisionJson.taxGroups(r.taxBreakdown),
                r.taxMinor,
                r.totalMinor,
                r.sha256);
    }
}
