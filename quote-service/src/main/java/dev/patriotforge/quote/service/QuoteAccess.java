package dev.patriotforge.quote.service;

import dev.patriotforge.common.security.Caller;
import dev.patriotforge.quote.domain.Quote;
import dev.patriotforge.quote.domain.QuoteEvent;
import dev.patriotforge.quote.domain.QuoteEventRepository;
import dev.patriotforge.quote.domain.QuoteRepository;
import dev.patriotforge.quote.domain.QuoteStatus;
import dev.patriotforge.quote.service.QuoteStateMachine.Action;
import dev.patriotforge.quote.service.QuoteStateMachine.Actor;
import dev.patriotforge.quote.service.QuoteStateMachine.Rule;
import dev.patriotforge.shared.error.QuoteNotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * How every request reaches one quote, inside the caller's transaction: the lazy expiry first, then
 * visibility (404), then the state table (403/409), then {@code If-Match} (412). Also writes the
 * audit events, and with each its webhook event ({@link WebhookOutbox}).
 */
@ApplicationScoped
public class QuoteAccess {
    private static final Rule EXPIRY = QuoteStateMachine.only(Action.EXPIRE, Actor.SYSTEM);

    private final QuoteRepository quotes;
    private final QuoteEventRepository events;
    private final Event<QuoteMetrics.Transitioned> transitioned;
    private final WebhookOutbox outbox;
    private final Clock clock;

    public QuoteAccess(
            QuoteRepository quotes,
            QuoteEventRepository events,
            Event<QuoteMetrics.Transitioned> transitioned,
            WebhookOutbox outbox,
            Clock clock) {
        this.quotes = quotes;
        this.events = events;
        this.transitioned = transitioned;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The time of this change, at the precision the API shows (milliseconds). */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A quote the caller may see, for reading, in the caller's transaction (expired if due). */
    public Quote readable(Caller caller, UUID id) {
        return expiredIfDue(visibleLive(caller, id));
    }

    /**
     * A quote the caller may see, as stored, read without a transaction (one SELECT, autocommit);
     * empty when it is due to expire, which only {@link #readable} in a transaction may record.
     */
    public Optional<Quote> readableAsStored(Caller caller, UUID id) {
        Quote quote = visibleLive(caller, id);
        return expiryDue(quote, now()) ? Optional.empty() : Optional.of(quote);
    }

    private Quote visibleLive(Caller caller, UUID id) {
        return quotes.findLive(id, false)
                .filter(q -> visible(caller, q))
                .orElseThrow(QuoteNotFound::new);
    }

    /**
     * A quote the caller may see, locked for this transaction, after checking that the caller may
     * do {@code action} now and that {@code If-Match} matches.
     *
     * @return the quote and the status the action leads to
     */
    public Change writable(Caller caller, UUID id, Action action, Precondition precondition) {
        Quote quote =
                expiredIfDue(
                        quotes.findLive(id, true)
                                .filter(q -> visible(caller, q))
                                .orElseThrow(QuoteNotFound::new));
        QuoteStatus to =
                QuoteStateMachine.decide(
                        quote.status, action, QuoteStateMachine.actorsOf(caller, quote.customerId));
        precondition.check(quote.version);
        return new Change(quote, action, quote.status, to, now());
    }

    /** Records the change in the audit trail and counts the transition, if the status moved. */
    public void record(Caller caller, Change change) {
        record(caller, change, null);
    }

    /**
     * As {@link #record(Caller, Change)}, with the event's details (a JSON object of strings,
     * integers and nulls), or null for none.
     */
    public void record(Caller caller, Change change, Map<String, Object> details) {
        append(
                change.quote().id,
                change.action().eventType(),
                caller.userId(),
                change.from(),
                change.to(),
                change.at(),
                details);
        if (change.from() != change.to()) {
            transitioned.fire(new QuoteMetrics.Transitioned(change.to(), 1));
        }
    }

    /** Appends one audit event without details. */
    public void append(
            UUID quoteId, String type, UUID actorId, QuoteStatus from, QuoteStatus to, Instant at) {
        append(quoteId, type, actorId, from, to, at, null);
    }

    private void append(
            UUID quoteId,
            String type,
            UUID actorId,
            QuoteStatus from,
            QuoteStatus to,
            Instant at,
            Map<String, Object> details) {
        QuoteEvent event = new QuoteEvent();
        event.id = UUID.randomUUID();
        event.quoteId = quoteId;
        event.type = type;
        event.actorId = actorId;
        event.fromStatus = from;
        event.toStatus = to;
        event.at = at;
        event.details = details == null ? null : CanonicalJson.write(details);
        events.persist(event);
        outbox.record(event.id, type, quoteId, at);
    }

    /** Staff and admin see everyone's quotes except other people's drafts; customers their own. */
    static boolean visible(Caller caller, Quote quote) {
        return caller.userId().equals(quote.customerId)
                || (caller.isStaffOrAdmin() && quote.status != QuoteStatus.DRAFT);
    }

    /**
     * The lazy expiry: a priced quote past valid_until becomes expired when touched. Only a quote
     * read as due costs the conditional UPDATE (which a concurrent request or sweep may have won:
     * then it changes nothing here), and is read again; every other read is one SELECT.
     */
    private Quote expiredIfDue(Quote quote) {
        Instant now = now();
        if (!expiryDue(quote, now)) {
            return quote;
        }
        List<QuoteRepository.Expired> expired =
                quotes.expireIfDue(quote.id, EXPIRY.from(), EXPIRY.to(), now);
        if (!expired.isEmpty()) {
            transitioned.fire(new QuoteMetrics.Transitioned(EXPIRY.to(), expired.size()));
        }
        quotes.getEntityManager().refresh(quote);
        for (QuoteRepository.Expired event : expired) {
            outbox.record(event.eventId(), EXPIRY.to().wire(), event.quoteId(), now);
        }
        return quote;
    }

    private static boolean expiryDue(Quote quote, Instant now) {
        return quote.status == EXPIRY.from()
                && quote.validUntil != null
                && !quote.validUntil.isAfter(now);
    }

    /** A permitted change in progress. */
    public record Change(
            Quote quote, Action action, QuoteStatus from, QuoteStatus to, Instant at) {}
}
