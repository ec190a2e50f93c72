package dev.patriotforge.quote.service;

import dev.patriotforge.common.security.Caller;
import dev.patriotforge.quote.document.QuoteDocument;
import dev.patriotforge.quote.domain.Quote;
import dev.patriotforge.quote.domain.QuoteRepository;
import dev.patriotforge.quote.domain.QuoteRevision;
import dev.patriotforge.quote.domain.QuoteRevisionRepository;
import dev.patriotforge.shared.api.CursorPage;
import dev.patriotforge.shared.api.KeysetCursor;
import dev.patriotforge.shared.api.PageRequest;
import dev.patriotforge.shared.error.NotFound;
import dev.patriotforge.shared.error.ValidationFailed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The revisions of quotes: each pricing writes the next one, hashed; they are read with the
 * visibility of their quote. There is no path that changes one.
 */
@ApplicationScoped
public class QuoteRevisions {
    private final QuoteRevisionRepository revisions;
    private final QuoteRepository quotes;
    private final QuoteAccess access;

    public QuoteRevisions(
            QuoteRevisionRepository revisions, QuoteRepository quotes, QuoteAccess access) {
        this.revisions = revisions;
        this.quotes = quotes;
        this.access = access;
    }

    /** Writes revision {@code quote.revision} from the quote's current prices. */
    QuoteRevision write(Quote quote, UUID pricedBy, String note, List<Pricing.TaxGroup> breakdown) {
        QuoteRevision r = new QuoteRevision();
        r.quoteId = quote.id;
        r.revision = quote.revision;
        r.pricedAt = quote.pricedAt;
        r.pricedBy = pricedBy;
        r.note = note;
        r.validUntil = quote.validUntil;
        r.currency = quote.currency;
        r.taxRateBps = quote.taxRateBps;
        r.subtotalMinor = quote.subtotalMinor;
        r.discountMinor = quote.discountMinor;
        r.taxMinor = quote.taxMinor;
        r.totalMinor = quote.totalMinor;
        List<Map<String, Object>> items = RevisionJson.items(quote.items);
        List<Map<String, Object>> groups = RevisionJson.taxGroups(breakdown);
        r.items = CanonicalJson.write(items);
        r.taxBreakdown = CanonicalJson.write(groups);
        r.canonical = CanonicalJson.write(RevisionJson.document(r, items, groups));
        r.sha256 = CanonicalJson.sha256(r.canonical);
        revisions.persist(r);
        return r;
    }

    /** The quote's current revision (the one a customer accepts). */
    QuoteRevision current(Quote quote) {
        return revisions
                .find(quote.id, quote.revision)
                .orElseThrow(() -> new IllegalStateException("a priced quote has its revision"));
    }

    /** One page of the quote's revisions, oldest first, after the cursor. */
    @Transactional
    public CursorPage<RevisionView> list(Caller caller, UUID id, PageRequest page) {
        quotes.readOnly();
        Quote quote = access.readable(caller, id);
        int after = 0;
        if (page.after() != null) {
            after = revisionOf(page.after(), quote.id);
        }
        List<QuoteRevision> rows = revisions.page(quote.id, after, page.limit() + 1);
        return CursorPage.of(rows, page.limit(), QuoteRevisions::cursor, RevisionView::from);
    }

    /** One revision; 404 when the quote is not visible or has no such revision. */
    @Transactional
    public RevisionView get(Caller caller, UUID id, String number) {
        quotes.readOnly();
        return RevisionView.from(find(access.readable(caller, id), number));
    }

    /**
     * What the document of one revision shows, read with the quote's visibility: 404 when the quote
     * is not visible, was never priced, or has no such revision.
     */
    @Transactional
    public QuoteDocument document(Caller caller, UUID id, String number, String seller) {
        quotes.readOnly();
        Quote quote = access.readable(caller, id);
        return RevisionDocument.of(quote, find(quote, number), seller);
    }

    private QuoteRevision find(Quote quote, String number) {
        int n;
        try {
            n = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            throw new NotFound("quote revision");
        }
        return revisions.find(quote.id, n).orElseThrow(() -> new NotFound("quote revision"));
    }

    /**
     * The position of a revision in the shared opaque cursor: the quote's id, and the revision's
     * number where the other lists have a time (milliseconds after the epoch).
     */
    private static KeysetCursor cursor(QuoteRevision r) {
        return new KeysetCursor(Instant.ofEpochMilli(r.revision), r.quoteId);
    }

    private static int revisionOf(KeysetCursor cursor, UUID quoteId) {
        long n = cursor.createdAt().toEpochMilli();
        if (!cursor.id().equals(quoteId)
                || n < 1
                || n > Integer.MAX_VALUE
                || !Instant.ofEpochMilli(n).equals(cursor.createdAt())) {
            throw ValidationFailed.of("cursor", "is not a cursor returned by this list");
        }
        return (int) n;
    }
}
