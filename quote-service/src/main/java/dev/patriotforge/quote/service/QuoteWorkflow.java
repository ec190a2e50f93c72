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
 * The status changes of a quote. Each one goes through {@link QuoteAccess#writable}, i.e. through
 * the state table. A refused transition commits what the lazy expiry did before it, so accepting a
 * quote past valid_until leaves it expired.
 */
@ApplicationScoped
public class QuoteWorkflow {
    private final QuoteRepository quotes;
    private final QuoteAccess access;

    public QuoteWorkflow(QuoteRepository quotes, QuoteAccess access) {
        this.quotes = quotes;
        this.access = access;
    }

    /** submit, accept, decline or cancel: transitions that carry no data. */
    @Transactional(dontRollbackOn = {QuoteExpired.class, InvalidStateTransition.class})
    public QuoteView transition(Caller caller, UUID id, Action action, Precondition precondition) {
        if (action == Action.PRICE || action == Action.UPDATE || action == Action.DELETE) {
            throw new IllegalArgumentException(action + " carries data");
        }
        Change change = access.writable(caller, id, action, precondition);
        Quote quote = change.quote();
        quote.status = change.to();
        quote.updatedAt = change.at();
        switch (change.to()) {
            case SUBMITTED -> quote.submittedAt = change.at();
            case ACCEPTED, DECLINED -> quote.decidedAt = change.at();
            default -> {}
        }
        access.record(caller, change);
        quotes.flush();
        return QuoteView.from(quote);
    }

    /** Staff's prices: every line priced, totals computed, valid until a time within a year. */
    @Transactional(dontRollbackOn = {QuoteExpired.class, InvalidStateTransition.class})
    public QuoteView price(Caller caller, UUID id, PriceSheet sheet, Precondition precondition) {
        Change change = access.writable(caller, id, Action.PRICE, precondition);
        Quote quote = change.quote();
        Instant validUntil = checkValidUntil(sheet.validUntil(), change.at());
        List<Long> unitPrices = unitPricesInOrder(quote, sheet);
        Pricing.Totals totals =
                Pricing.price(
                        quote.items.stream().map(item -> item.quantity).toList(),
                        unitPrices,
                        sheet.taxRateBps());
        if (!totals.fits()) {
            throw ValidationFailed.of(
                    "items",
                    "the quote's total must not exceed "
                            + Pricing.MAX_AMOUNT_MINOR
                            + " minor units");
        }
        for (int i = 0; i < quote.items.size(); i++) {
            QuoteItem item = quote.items.get(i);
            item.unitPriceMinor = unitPrices.get(i);
            item.lineTotalMinor = totals.lineTotals().get(i).longValueExact();
            item.updatedAt = change.at();
        }
        quote.subtotalMinor = totals.subtotal().longValueExact();
        quote.taxRateBps = sheet.taxRateBps();
        quote.taxMinor = totals.tax().longValueExact();
        quote.totalMinor = totals.total().longValueExact();
        quote.validUntil = validUntil;
        quote.pricedAt = change.at();
        quote.status = change.to();
        quote.updatedAt = change.at();
        access.record(caller, change);
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

    /** The sheet's unit prices in the order of the quote's lines; each line exactly once. */
    private static List<Long> unitPricesInOrder(Quote quote, PriceSheet sheet) {
        Map<UUID, Long> byId = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        List<PriceSheet.Line> lines = sheet.items();
        for (int i = 0; i < lines.size(); i++) {
            PriceSheet.Line line = lines.get(i);
            boolean known = quote.items.stream().anyMatch(item -> item.id.equals(line.id()));
            if (!known) {
                errors.add(new FieldError("items[" + i + "].id", "is not an item of this quote"));
            } else if (byId.putIfAbsent(line.id(), line.unitPriceMinor()) != null) {
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
