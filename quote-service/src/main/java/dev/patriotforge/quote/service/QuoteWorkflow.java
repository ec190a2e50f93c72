package dev.patriotforge.quote.service;

import dev.patriotforge.common.security.Caller;
import dev.patriotforge.quote.domain.Quote;
import dev.patriotforge.quote.domain.QuoteItem;
import dev.patriotforge.quote.domain.QuoteRepository;
import dev.patriotforge.quote.domain.QuoteRevision;
import dev.patriotforge.quote.service.QuoteAccess.Change;
import dev.patriotforge.quote.service.QuoteStateMachine.Action;
import dev.patriotforge.shared.error.InvalidStateTransition;
import dev.patriotforge.shared.error.QuoteExpired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The status changes of a quote apart from pricing ({@link QuotePricer}). Each one goes through
 * {@link QuoteAccess#writable}, i.e. through the state table. A refused transition commits what the
 * lazy expiry did before it, so accepting a quote past valid_until leaves it expired.
 */
@ApplicationScoped
public class QuoteWorkflow {
    private final QuoteRepository quotes;
    private final QuoteAccess access;
    private final QuoteRevisions revisions;
    private final Event<QuoteMetrics.ChangesRequested> changesRequested;

    public QuoteWorkflow(
            QuoteRepository quotes,
            QuoteAccess access,
            QuoteRevisions revisions,
            Event<QuoteMetrics.ChangesRequested> changesRequested) {
        this.quotes = quotes;
        this.access = access;
        this.revisions = revisions;
        this.changesRequested = changesRequested;
    }

    /** submit, decline or cancel: transitions that carry no data. */
    @Transactional(dontRollbackOn = {QuoteExpired.class, InvalidStateTransition.class})
    public QuoteView transition(Caller caller, UUID id, Action action, Precondition precondition) {
        if (action != Action.SUBMIT && action != Action.DECLINE && action != Action.CANCEL) {
            throw new IllegalArgumentException(action + " carries data");
        }
        Change change = access.writable(caller, id, action, precondition);
        Quote quote = change.quote();
        quote.status = change.to();
        quote.updatedAt = change.at();
        switch (change.to()) {
            case SUBMITTED -> quote.submittedAt = change.at();
            case DECLINED -> quote.decidedAt = change.at();
            default -> {}
        }
        access.record(caller, change);
        quotes.flush();
        return QuoteView.from(quote);
    }

    /**
     * The owner accepts the current revision. The event keeps the evidence with the revision's
     * number and SHA-256, so that both sides can point to exactly what was accepted.
     */
    @Transactional(dontRollbackOn = {QuoteExpired.class, InvalidStateTransition.class})
    public QuoteView accept(
            Caller caller, UUID id, Acceptance evidence, Precondition precondition) {
        Change change = access.writable(caller, id, Action.ACCEPT, precondition);
        Quote quote = change.quote();
        QuoteRevision accepted = revisions.current(quote);
        quote.status = change.to();
        quote.updatedAt = change.at();
        quote.decidedAt = change.at();
        Map<String, Object> details = new HashMap<>();
        details.put("revision", accepted.revision);
        details.put("revision_sha256", accepted.sha256);
        details.put("signer_name", evidence.signerName());
        details.put("signer_title", evidence.signerTitle());
        details.put("purchase_order", evidence.purchaseOrder());
        details.put("ip", evidence.ip());
        details.put("user_agent", evidence.userAgent());
        access.record(caller, change, details);
        quotes.flush();
        return QuoteView.from(quote);
    }

    /**
     * The owner sends a priced quote back: it is submitted again, without prices, for the next
     * revision; {@code items} (when not null) replace the lines. Earlier revisions keep theirs.
     */
    @Transactional(dontRollbackOn = {QuoteExpired.class, InvalidStateTransition.class})
    public QuoteView requestChanges(
            Caller caller,
            UUID id,
            String reason,
            List<QuoteDraft.Item> items,
            Precondition precondition) {
        Change change = access.writable(caller, id, Action.REQUEST_CHANGES, precondition);
        Quote quote = change.quote();
        if (items != null) {
            quote.replaceItems(QuoteService.lines(items, change.at()));
        } else {
            for (QuoteItem item : quote.items) {
                item.unitPriceMinor = null;
                item.discountBps = null;
                item.taxRateBps = null;
                item.lineGrossMinor = null;
                item.lineDiscountMinor = null;
                item.lineTotalMinor = null;
                item.updatedAt = change.at();
            }
        }
        quote.subtotalMinor = null;
        quote.discountMinor = null;
        quote.taxRateBps = null;
        quote.taxMinor = null;
        quote.taxBreakdown = null;
        quote.totalMinor = null;
        quote.validUntil = null;
        quote.pricedAt = null;
        quote.status = change.to();
        quote.submittedAt = change.at();
        quote.updatedAt = change.at();
        access.record(caller, change, Map.of("reason", reason));
        changesRequested.fire(new QuoteMetrics.ChangesRequested());
        quotes.flush();
        return QuoteView.from(quote);
    }
}
