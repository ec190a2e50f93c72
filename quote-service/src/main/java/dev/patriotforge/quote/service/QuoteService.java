package dev.patriotforge.quote.service;

import dev.patriotforge.common.security.Caller;
import dev.patriotforge.quote.config.QuoteConfig;
import dev.patriotforge.quote.domain.Quote;
import dev.patriotforge.quote.domain.QuoteEvent;
import dev.patriotforge.quote.domain.QuoteEventRepository;
import dev.patriotforge.quote.domain.QuoteItem;
import dev.patriotforge.quote.domain.QuoteRepository;
import dev.patriotforge.quote.domain.QuoteStatus;
import dev.patriotforge.quote.service.QuoteAccess.Change;
import dev.patriotforge.quote.service.QuoteStateMachine.Action;
import dev.patriotforge.shared.api.CursorPage;
import dev.patriotforge.shared.api.KeysetCursor;
import dev.patriotforge.shared.api.PageRequest;
import dev.patriotforge.shared.error.InvalidStateTransition;
import dev.patriotforge.shared.error.QuotaExceeded;
import dev.patriotforge.shared.error.QuoteExpired;
import dev.patriotforge.shared.error.ValidationFailed;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Creating, reading, listing, editing and deleting quotes. Status changes: {@link QuoteWorkflow}.
 */
@ApplicationScoped
public class QuoteService {
    private final QuoteRepository quotes;
    private final QuoteEventRepository events;
    private final QuoteAccess access;
    private final Event<QuoteMetrics.Created> created;
    private final QuoteConfig config;

    public QuoteService(
            QuoteRepository quotes,
            QuoteEventRepository events,
            QuoteAccess access,
            Event<QuoteMetrics.Created> created,
            QuoteConfig config) {
        this.quotes = quotes;
        this.events = events;
        this.access = access;
        this.created = created;
        this.config = config;
    }

    /**
     * Creates a draft owned by the caller. {@code draft} has every field set. A customer at the
     * open-quote quota gets 409 {@code quota_exceeded} and nothing is written.
     */
    @Transactional
    public QuoteView create(Caller caller, QuoteDraft draft) {
        int maxOpen = config.limits().maxOpenPerCustomer();
        if (quotes.lockAndCountOpen(caller.userId(), maxOpen) >= maxOpen) {
            throw new QuotaExceeded(
                    "You have "
                            + maxOpen
                            + " open quotes, the most you may have. Cancel or"
                            + " delete one first.");
        }
        Instant now = access.now();
        Quote quote = new Quote();
        quote.id = UUID.randomUUID();
        quote.number =
                String.format(
                        "Q-%d-%06d", now.atZone(ZoneOffset.UTC).getYear(), quotes.nextNumber());
        quote.customerId = caller.userId();
        quote.customerEmail = caller.email();
        quote.status = QuoteStatus.DRAFT;
        quote.title = draft.title();
        quote.notes = draft.notes();
        quote.currency = draft.currency();
        quote.replaceItems(lines(draft.items(), now));
        quote.createdAt = now;
        quote.updatedAt = now;
        quotes.persist(quote);
        access.append(quote.id, "created", caller.userId(), null, QuoteStatus.DRAFT, now);
        quotes.flush();
        created.fire(new QuoteMetrics.Created());
        return QuoteView.from(quote);
    }

    /**
     * One quote: a single SELECT of the quote and its items, outside a transaction. A quote found
     * due to expire is read again in a transaction of its own, which records the expiry first.
     */
    public QuoteView get(Caller caller, UUID id) {
        quotes.readOnly();
        return access.readableAsStored(caller, id)
                .map(QuoteView::from)
                .orElseGet(
                        () ->
                                QuarkusTransaction.requiringNew()
                                        .call(() -> QuoteView.from(access.readable(caller, id))));
    }

    /** One page of the audit trail, oldest first, after the cursor (the last event shown). */
    @Transactional
    public CursorPage<QuoteEventView> events(Caller caller, UUID id, PageRequest page) {
        quotes.readOnly();
        KeysetCursor after = page.after();
        Quote quote = access.readable(caller, id);
        long afterSeq = 0;
        if (after != null) {
            afterSeq =
                    events.seqOf(quote.id, after.id())
                            .orElseThrow(
                                    () ->
                                            ValidationFailed.of(
                                                    "cursor",
                                                    "is not a cursor returned by this list"));
        }
        List<QuoteEvent> rows = events.page(quote.id, afterSeq, page.limit() + 1);
        return CursorPage.of(
                rows, page.limit(), e -> new KeysetCursor(e.at, e.id), QuoteEventView::from);
    }

    /** Edits a draft; fields left null keep their value, {@code items} replaces every line. */
    @Transactional(dontRollbackOn = {QuoteExpired.class, InvalidStateTransition.class})
    public QuoteView update(Caller caller, UUID id, QuoteDraft draft, Precondition precondition) {
        precondition.require();
        Change change = access.writable(caller, id, Action.UPDATE, precondition);
        Quote quote = change.quote();
        if (draft.title() != null) {
            quote.title = draft.title();
        }
        if (draft.notes() != null) {
            quote.notes = draft.notes();
        }
        if (draft.currency() != null) {
            quote.currency = draft.currency();
        }
        if (draft.items() != null) {
            quote.replaceItems(lines(draft.items(), change.at()));
        }
        quote.updatedAt = change.at();
        access.record(caller, change);
        quotes.flush();
        return QuoteView.from(quote);
    }

    /** Soft delete: the quote answers 404 from now on. */
    @Transactional(dontRollbackOn = {QuoteExpired.class, InvalidStateTransition.class})
    public void delete(Caller caller, UUID id, Precondition precondition) {
        Change change = access.writable(caller, id, Action.DELETE, precondition);
        change.quote().deletedAt = change.at();
        change.quote().updatedAt = change.at();
        access.record(caller, change);
        quotes.flush();
    }

    /** One page of the quotes the caller may see, newest first. */
    @Transactional
    public CursorPage<QuoteView> list(Caller caller, ListQuery query) {
        quotes.readOnly();
        int limit = query.page().limit();
        KeysetCursor after = query.page().after();
        List<Quote> rows =
                quotes.page(
                        caller.userId(),
                        !caller.isStaffOrAdmin(),
                        query.statuses(),
                        query.customerId(),
                        after == null ? null : after.createdAt(),
                        after == null ? null : after.id(),
                        limit + 1);
        int size = withinBudget(rows, limit);
        // Detached before the page is mapped: reading its items must not batch-load the items of
        // rows the page leaves out.
        rows.subList(size, rows.size()).forEach(quotes::forget);
        return CursorPage.of(rows, size, q -> new KeysetCursor(q.createdAt, q.id), QuoteView::from);
    }

    /**
     * How many of the first {@code limit} rows fit in the page's text budget (at least one): a page
     * of large quotes ends early, with a next_cursor, so that what a list request holds in memory
     * is bounded whatever the quotes' sizes.
     */
    private int withinBudget(List<Quote> rows, int limit) {
        int candidates = Math.min(limit, rows.size());
        long budget = config.lists().maxPageTextBytes();
        Map<UUID, Long> sizes =
                quotes.textSizes(rows.subList(0, candidates).stream().map(q -> q.id).toList());
        long total = 0;
        for (int i = 0; i < candidates; i++) {
            total += sizes.getOrDefault(rows.get(i).id, 0L);
            if (i > 0 && total > budget) {
                return i;
            }
        }
        return candidates;
    }

    /** New unpriced lines from a create, update or change request. */
    static List<QuoteItem> lines(List<QuoteDraft.Item> items, Instant now) {
        List<QuoteItem> lines = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            QuoteDraft.Item item = items.get(i);
            QuoteItem line = new QuoteItem();
            line.id = UUID.randomUUID();
            line.position = i;
            line.description = item.description();
            line.quantity = item.quantity().setScale(3);
            line.unit = item.unit();
            line.createdAt = now;
            line.updatedAt = now;
            lines.add(line);
        }
        return lines;
    }
}
