package dev.patriotforge.quote.service;

import static dev.patriotforge.quote.domain.QuoteStatus.ACCEPTED;
import static dev.patriotforge.quote.domain.QuoteStatus.CANCELLED;
import static dev.patriotforge.quote.domain.QuoteStatus.DECLINED;
import static dev.patriotforge.quote.domain.QuoteStatus.DRAFT;
import static dev.patriotforge.quote.domain.QuoteStatus.EXPIRED;
import static dev.patriotforge.quote.domain.QuoteStatus.PRICED;
import static dev.patriotforge.quote.domain.QuoteStatus.SUBMITTED;

import dev.patriotforge.common.security.Caller;
import dev.patriotforge.quote.domain.QuoteStatus;
import dev.patriotforge.shared.error.Forbidden;
import dev.patriotforge.shared.error.InvalidStateTransition;
import dev.patriotforge.shared.error.QuoteExpired;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The one table that decides every change to a quote: from which status, which action, by which
 * kind of actor, to which status. Updates and deletions are in it too (they keep the status), so
 * nothing else decides whether a write is allowed.
 */
public final class QuoteStateMachine {

    /** What a caller (or the system) asks to do with a quote. */
    public enum Action {
        UPDATE("updated"),
        SUBMIT("submitted"),
        PRICE("priced"),
        REQUEST_CHANGES("changes_requested"),
        ACCEPT("accepted"),
        DECLINE("declined"),
        CANCEL("cancelled"),
        EXPIRE("expired"),
        DELETE("deleted");

        private final String eventType;

        Action(String eventType) {
            this.eventType = eventType;
        }

        /** The type of the audit event the action writes. */
        public String eventType() {
            return eventType;
        }

        /** The action as its endpoint names it ({@code request-changes}). */
        public String verb() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The capacity in which someone acts on a quote; a caller can hold several. */
    public enum Actor {
        /** The customer who created the quote. */
        OWNER,
        /** Staff or admin, on anyone's quote they can see. */
        STAFF,
        /** Admin only. */
        ADMIN,
        /** The service itself (expiry). */
        SYSTEM
    }

    /** One row of the table. */
    public record Rule(QuoteStatus from, Action action, Actor actor, QuoteStatus to) {}

    /** The table. */
    public static final List<Rule> RULES = rules();

    private QuoteStateMachine() {}

    private static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule(DRAFT, Action.UPDATE, Actor.OWNER, DRAFT));
        rules.add(new Rule(DRAFT, Action.SUBMIT, Actor.OWNER, SUBMITTED));
        rules.add(new Rule(SUBMITTED, Action.PRICE, Actor.STAFF, PRICED));
        // Re-pricing before the customer decides: the next revision.
        rules.add(new Rule(PRICED, Action.PRICE, Actor.STAFF, PRICED));
        rules.add(new Rule(PRICED, Action.REQUEST_CHANGES, Actor.OWNER, SUBMITTED));
        rules.add(new Rule(PRICED, Action.ACCEPT, Actor.OWNER, ACCEPTED));
        rules.add(new Rule(PRICED, Action.DECLINE, Actor.OWNER, DECLINED));
        rules.add(new Rule(DRAFT, Action.CANCEL, Actor.OWNER, CANCELLED));
        rules.add(new Rule(SUBMITTED, Action.CANCEL, Actor.OWNER, CANCELLED));
        rules.add(new Rule(PRICED, Action.CANCEL, Actor.OWNER, CANCELLED));
        rules.add(new Rule(SUBMITTED, Action.CANCEL, Actor.STAFF, CANCELLED));
        rules.add(new Rule(PRICED, Action.CANCEL, Actor.STAFF, CANCELLED));
        rules.add(new Rule(PRICED, Action.EXPIRE, Actor.SYSTEM, EXPIRED));
        rules.add(new Rule(DRAFT, Action.DELETE, Actor.OWNER, DRAFT));
        for (QuoteStatus status : QuoteStatus.values()) {
            rules.add(new Rule(status, Action.DELETE, Actor.ADMIN, status));
        }
        return List.copyOf(rules);
    }

    /** The capacities in which a caller acts on a quote owned by {@code ownerId}. */
    public static Set<Actor> actorsOf(Caller caller, UUID ownerId) {
        Set<Actor> actors = EnumSet.noneOf(Actor.class);
        if (caller.userId().equals(ownerId)) {
            actors.add(Actor.OWNER);
        }
        if (caller.isStaffOrAdmin()) {
            actors.add(Actor.STAFF);
        }
        if (caller.isAdmin()) {
            actors.add(Actor.ADMIN);
        }
        return actors;
    }

    /**
     * The status that {@code action} leads to from {@code from} when done by someone acting as any
     * of {@code actors}.
     *
     * @throws Forbidden when none of the actors may ever do the action (403)
     * @throws QuoteExpired when accepting an expired quote (409)
     * @throws InvalidStateTransition when the action is not allowed from this status (409)
     */
    public static QuoteStatus decide(QuoteStatus from, Action action, Set<Actor> actors) {
        boolean mayEver = false;
        for (Rule rule : RULES) {
            if (rule.action() == action && actors.contains(rule.actor())) {
                if (rule.from() == from) {
                    return rule.to();
                }
                mayEver = true;
            }
        }
        if (!mayEver) {
            throw new Forbidden();
        }
        if (action == Action.ACCEPT && from == EXPIRED) {
            throw new QuoteExpired();
        }
        throw new InvalidStateTransition(action.verb(), from.wire());
    }

    /** The single rule for an action that only one actor takes (e.g. the system's expiry). */
    public static Rule only(Action action, Actor actor) {
        List<Rule> matching =
                RULES.stream().filter(r -> r.action() == action && r.actor() == actor).toList();
        if (matching.size() != 1) {
            throw new IllegalStateException(
                    "expected one rule for " + action + " by " + actor + ", found " + matching);
        }
        return matching.get(0);
    }

    /** Statuses that no rule leaves, apart from deletion, which keeps the status. */
    public static Set<QuoteStatus> terminal() {
        Set<QuoteStatus> terminal = EnumSet.allOf(QuoteStatus.class);
        for (Rule rule : RULES) {
            if (rule.from() != rule.to()) {
                terminal.remove(rule.from());
            }
        }
        return terminal;
    }
}
