package dev.patriotforge.quote.service;

import dev.patriotforge.quote.document.QuoteDocument;
import dev.patriotforge.quote.domain.Quote;
import dev.patriotforge.quote.domain.QuoteRevision;
import java.util.List;

/**
 * The document of a revision: the quote's number, customer email, title and notes (none of which
 * change once the quote is submitted: only a draft is edited), and the revision's own items and
 * amounts as they were written.
 */
final class RevisionDocument {
    private RevisionDocument() {}

    static QuoteDocument of(Quote quote, QuoteRevision r, String seller) {
        List<QuoteDocument.Line> lines =
                RevisionJson.itemViews(r.items).stream()
                        .map(
                                item ->
                                        new QuoteDocument.Line(
                                                item.position(),
                                                item.description(),
                                                item.quantity(),
                                                item.unit(),
                                                item.unitPriceMinor(),
                                                item.discountBps(),
                                                item.taxRateBps() == null
                                                        ? r.taxRateBps
                                                        : item.taxRateBps(),
                                                item.lineTotalMinor()))
                        .toList();
        List<QuoteDocument.TaxLine> taxes =
                RevisionJson.taxGroups(r.taxBreakdown).stream()
                        .map(
                                g ->
                                        new QuoteDocument.TaxLine(
                                                g.taxRateBps(), g.taxableMinor(), g.taxMinor()))
                        .toList();
        return new QuoteDocument(
                seller,
                quote.number,
                r.revision,
                quote.customerId,
                quote.customerEmail,
                quote.title,
                quote.notes,
                r.currency,
                lines,
                r.subtotalMinor,
                r.discountMinor,
                taxes,
                r.taxMinor,
                r.totalMinor,
                r.validUntil,
                r.pricedAt);
    }
}
