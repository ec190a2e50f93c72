package dev.patriotforge.quote.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patriotforge.quote.domain.QuoteStatus;
import dev.patriotforge.quote.service.QuoteStateMachine.Action;
import dev.patriotforge.quote.service.QuoteStateMachine.Actor;
import dev.patriotforge.shared.error.DomainException;
import dev.patriotforge.shared.error.Forbidden;
import dev.patriotforge.shared.error.InvalidStateTransition;
import dev.patriotforge.shared.error.QuoteExpired;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * No sequence of actions, by any mix of actors, takes a quote anywhere the contract does not allow,
 * and none is refused that the contract allows. The allowed moves are written out here a second
 * time, independently of the table.
 */
class StateMachineProperties {
    record Step(Action action, Set<Actor> actors) {}

    /** The contract's moves: from -> to, who, by which action. */
    private static final Map<String, Set<Actor>> CONTRACT =
            Map.ofEntries(
                    Map.entry("DRAFT UPDATE DRAFT", EnumSet.of(Actor.OWNER)),
                    Map.entry("DRAFT SUBMIT SUBMITTED", EnumSet.of(Actor.OWNER)),
                    Map.entry("SUBMITTED PRICE PRICED", EnumSet.of(Actor.STAFF)),
                    Map.entry("PRICED PRICE PRICED", EnumSet.of(Actor.STAFF)),
                    Map.entry("PRICED REQUEST_CHANGES SUBMITTED", EnumSet.of(Actor.OWNER)),
                    Map.entry("PRICED ACCEPT ACCEPTED", EnumSet.of(Actor.OWNER)),
                    Map.entry("PRICED DECLINE DECLINED", EnumSet.of(Actor.OWNER)),
                    Map.entry("PRICED EXPIRE EXPIRED", EnumSet.of(Actor.SYSTEM)),
                    Map.entry("DRAFT CANCEL CANCELLED", EnumSet.of(Actor.OWNER)),
                    Map.entry("SUBMITTED CANCEL CANCELLED", EnumSet.of(Actor.OWNER, Actor.STAFF)),
                    Map.entry("PRICED CANCEL CANCELLED", EnumSet.of(Actor.OWNER, Actor.STAFF)));

    private static final Set<QuoteStatus> FINAL =
            EnumSet.of(
                    QuoteStatus.ACCEPTED,
                    QuoteStatus.DECLINED,
                    QuoteStatus.EXPIRED,
                    QuoteStatus.CANCELLED);

    private QuoteStatus status;

    @BeforeTry
    void startAsADraft() {
        status = QuoteStatus.DRAFT;
    }

    @Provide
    Arbitrary<Step> steps() {
        return Combinators.combine(
                        Arbitraries.of(Action.class),
                        Arbitraries.subsetOf(Actor.values())
                                .map(
                                        s ->
                                                s.isEmpty()
                                                        ? EnumSet.noneOf(Actor.class)
                                                        : EnumSet.copyOf(s)))
                .as(Step::new);
    }

    @Property(tries = 3000)
    void noSequenceLeavesTheContract(
            @ForAll @Size(max = 12) List<@net.jqwik.api.From("steps") Step> steps) {
        for (Step step : steps) {
            QuoteStatus from = status;
            try {
                QuoteStatus to = QuoteStateMachine.decide(from, step.action(), step.actors());
                if (step.action() == Action.DELETE) {
                    assertThat(to).isEqualTo(from);
                    assertThat(
                                    step.actors().contains(Actor.ADMIN)
                                            || (step.actors().contains(Actor.OWNER)
                                                    && from == QuoteStatus.DRAFT))
                            .isTrue();
                    continue;
                }
                Set<Actor> allowed = CONTRACT.get(from + " " + step.action() + " " + to);
                assertThat(allowed)
                        .as("%s %s by %s -> %s", from, step.action(), step.actors(), to)
                        .isNotNull();
                assertThat(step.actors()).containsAnyElementsOf(allowed);
                assertThat(FINAL).doesNotContain(from);
                status = to;
            } catch (Forbidden | InvalidStateTransition | QuoteExpired e) {
                assertThat(status).isEqualTo(from);
                assertThat(mayMove(from, step.action(), step.actors()))
                        .as("%s %s by %s was refused", from, step.action(), step.actors())
                        .isFalse();
            }
        }
        assertThat(status).isIn((Object[]) QuoteStatus.values());
    }

    /** Whether the contract lets any of {@code actors} do {@code action} from {@code from}. */
    private static boolean mayMove(QuoteStatus from, Action action, Set<Actor> actors) {
        if (action == Action.DELETE) {
            return actors.contains(Actor.ADMIN)
                    || (actors.contains(Actor.OWNER) && from == QuoteStatus.DRAFT);
        }
        return CONTRACT.entrySet().stream()
                .anyMatch(
                        move ->
                                move.getKey().startsWith(from + " " + action + " ")
                                        && !Collections.disjoint(move.getValue(), actors));
    }

    @Example
    void everyMoveOfTheContractIsAllowedToEachOfItsActorsAndLeadsWhereTheContractSays() {
        CONTRACT.forEach(
                (move, actors) -> {
                    String[] parts = move.split(" ", -1);
                    for (Actor actor : actors) {
                        assertThat(
                                        QuoteStateMachine.decide(
                                                QuoteStatus.valueOf(parts[0]),
                                                Action.valueOf(parts[1]),
                                                EnumSet.of(actor)))
                                .as("%s by %s", move, actor)
                                .isEqualTo(QuoteStatus.valueOf(parts[2]));
                    }
                });
        for (QuoteStatus status : QuoteStatus.values()) {
            assertThat(QuoteStateMachine.decide(status, Action.DELETE, EnumSet.of(Actor.ADMIN)))
                    .isEqualTo(status);
        }
        assertThat(
                        QuoteStateMachine.decide(
                                QuoteStatus.DRAFT, Action.DELETE, EnumSet.of(Actor.OWNER)))
                .isEqualTo(QuoteStatus.DRAFT);
    }

    @Property
    void finalStatusesAreNeverLeft(
            @ForAll("finalStatus") QuoteStatus status, @ForAll("steps") Step step) {
        try {
            assertThat(QuoteStateMachine.decide(status, step.action(), step.actors()))
                    .isEqualTo(status);
            assertThat(step.action()).isEqualTo(Action.DELETE);
        } catch (DomainException e) {
            assertThat(e)
                    .isInstanceOfAny(
                            Forbidden.class, InvalidStateTransition.class, QuoteExpired.class);
        }
    }

    @Provide
    Arbitrary<QuoteStatus> finalStatus() {
        return Arbitraries.of(FINAL);
    }

    @Property
    void aRoleThatMayNeverDoAnActionIsForbiddenWhateverTheStatus(
            @ForAll QuoteStatus status, @ForAll("steps") Step step) {
        boolean mayEver =
                QuoteStateMachine.RULES.stream()
                        .anyMatch(
                                r ->
                                        r.action() == step.action()
                                                && step.actors().contains(r.actor()));
        if (!mayEver) {
            assertThatThrownBy(() -> QuoteStateMachine.decide(status, step.action(), step.actors()))
                    .isInstanceOf(Forbidden.class);
        }
    }

    @Example
    void acceptingAnExpiredQuoteSaysExpired() {
        assertThatThrownBy(
                        () ->
                                QuoteStateMachine.decide(
                                        QuoteStatus.EXPIRED,
                                        Action.ACCEPT,
                                        EnumSet.of(Actor.OWNER)))
                .isInstanceOf(QuoteExpired.class);
    }

    @Example
    void theTerminalStatusesOfTheTableAreTheContractsFinalOnes() {
        assertThat(QuoteStateMachine.terminal()).isEqualTo(FINAL);
    }
}
