package dev.patriotforge.quote.service;

import dev.patriotforge.common.security.Caller;
import dev.patriotforge.quote.domain.Quote;
import dev.patriotforge.quote.domain.QuoteItem;
import dev.patriotforge.quote.domain.QuoteRepository;
import dev.patriotforge.quote.service.QuoteAccess.Change;
import dev.patriotforge.quote.service.QuoteStateMachine.Action;
import dev.patriotforge.shared.error.FieldError;
import dev.patriotforge.shared.error.InvalidStateTransition;
import dev.patriotforge.shared.error.QuoteExpired;
import dev.patriotforge.shared.error.ValidationFailed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Pricing and re-pricing (staff, admin): every line priced, the contract's arithmetic, and the next
 * immutable revision written in the same transaction, with a {@code priced} event that names it.
 */
@ApplicationScoped
public class QuotePricer {
    private final QuoteRepository quotes;
    private final QuoteAccess access;
    private final QuoteRevisions revisions;
    private final Event<QuoteMetrics.Repriced> repriced;

    public QuotePricer(
            QuoteRepository quotes,
            QuoteAccess access,
            QuoteRevisions revisions,
            Event<QuoteMetrics.Repriced> repriced) {
        this.quotes = quotes;
        this.access = access;
        this.revisions = revisions;
        this.repriced = repriced;
    }

    /** Prices a submitted quote, or re-prices a priced one: the quote's next revision. */
    @Transactional(dontRollbackOn = {QuoteExpired.class, InvalidStateTransition.class})
    public QuoteView price(Caller caller, UUID id, PriceSheet sheet, Precondition precondition) {
        Change change = access.writable(caller, id, Action.PRICE, precondition);
        Quote quote = change.quote();
        Instant validUntil = checkValidUntil(sheet.validUntil(), change.at());
        List<PriceSheet.Line> lines = linesInOrder(quote, sheet);
        List<Pricing.Line> toPrice = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            PriceSheet.Line line = lines.get(i);
            toPrice.add(
                    new Pricing.Line(
                            quote.items.get(i).quantity,
                            line.unitPriceMinor(),
                            line.discountBps(),
                            line.taxRateBps()));
        }
        Pricing.Result result = Pricing.price(toPrice, sheet.taxRateBps());
        if (!result.fits()) {
            throw ValidationFailed.of(
                    "items",
                    "every amount of the quote must be at most "
                            + Pricing.MAX_AMOUNT_MINOR
                            + " minor units");
        }
        for (int i = 0; i < quote.items.size(); i++) {
            QuoteItem item = quote.items.get(i);
            Pricing.LineAmounts amounts = result.lines().get(i);
            item.unitPriceMinor = lines.get(i).unitPriceMinor();
            item.discountBps = lines.get(i).discountBps();
            item.taxRateBps = lines.get(i).taxRateBps();
            item.lineGrossMinor = amounts.gross().longValueExact();
            item.lineDiscountMinor = amounts.discount().longValueExact();
            item.lineTotalMinor = amounts.total().longValueExact();
            item.updatedAt = change.at();
        }
        quote.subtotalMinor = result.subtotal().longValueExact();
        quote.discountMinor = result.discount().longValueExact();
        quote.taxRateBps = sheet.taxRateBps();
        quote.taxMinor = result.tax().longValueExact();
        quote.taxBreakdown = CanonicalJson.write(RevisionJson.taxGroups(result.taxBreakdown()));
        quote.totalMinor = result.total().longValueExact();
        quote.validUntil = validUntil;
        quote.pricedAt = change.at();
        quote.revision = quote.revision + 1;
        quote.status = change.to();
        quote.updatedAt = change.at();
        revisions.write(quote, caller.userId(), sheet.note(), result.taxBreakdown());
        access.record(caller, change, Map.of("revision", quote.revision));
        if (change.from() == change.to()) {
            repriced.fire(new QuoteMetrics.Repriced());
        }
        quotes.flush();
        return QuoteView.from(quote);
    }

    private static Instant checkValidUntil(Instant validUntil, Instant now) {
        Instant truncated = validUntil.truncatedTo(ChronoUnit.MILLIS);
        if (!truncated.isAfter(now)) {
            throw ValidationFailed.of("valid_until", "must be in the future");
        }
        Instant limit = now.atZone(ZoneOffset.UTC).plusYears(1).toInstant();
        if (truncated.isAfter(limit)) {
            throw ValidationFailed.of("valid_until", "must be at most a year ahead");
        }
        return truncated;
    }

    /** The sheet's lines in the order of the quote's lines; each line exactly once. */
    private static List<PriceSheet.Line> linesInOrder(Quote quote, PriceSheet sheet) {
        Map<UUID, PriceSheet.Line> byId = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        List<PriceSheet.Line> lines = sheet.items();
        for (int i = 0; i < lines.size(); i++) {
            PriceSheet.Line line = lines.get(i);
            boolean known = quote.items.stream().anyMatch(item -> item.id.equals(line.id()));
            if (!known) {
                errors.add(new FieldError("items[" + i + "].id", "is not an item of this quote"));
            } else if (byId.putIfAbsent(line.id(), line) != null) {
                errors.add(new FieldError("items[" + i + "].id", "is priced more than once"));
            }
        }
        if (errors.isEmpty() && byId.size() != quote.items.size()) {
            errors.add(new FieldError("items", "must price every item of the quote"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return quote.items.stream().map(item -> byId.get(item.id)).toList();
    }
}
