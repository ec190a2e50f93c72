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
import dev.patriotforge.testsupport.random.Gen;
import dev.patriotforge.testsupport.random.Gens;
import dev.patriotforge.testsupport.random.Tries;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * No sequence of actions, by any mix of actors, takes a quote anywhere the contract does not allow,
 * and none is refused that the contract allows. The allowed moves are written out here a second
 * time, independently of the table. Sequences are drawn by test-support's seeded generators ({@link
 * Tries}; {@code -Dforge.seed} replays one); the single steps are checked exhaustively.
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

    /** An action by any set of actors (none included). */
    static Gen<Step> steps() {
        Gen<Action> actions = Gens.of(Action.values());
        Gen<Set<Actor>> actors =
                Gens.subsets(List.of(Actor.values())).map(StateMachineProperties::setOf);
        return random -> new Step(actions.next(random), actors.next(random));
    }

    /** Every action by every set of actors: 9 actions times 16 sets. */
    static List<Step> everyStep() {
        List<Step> all = new ArrayList<>();
        for (Action action : Action.values()) {
            Actor[] every = Actor.values();
            for (int bits = 0; bits < 1 << every.length; bits++) {
                Set<Actor> actors = EnumSet.noneOf(Actor.class);
                for (int i = 0; i < every.length; i++) {
                    if ((bits & 1 << i) != 0) {
                        actors.add(every[i]);
                    }
                }
                all.add(new Step(action, actors));
            }
        }
        return all;
    }

    private static Set<Actor> setOf(List<Actor> actors) {
        return actors.isEmpty() ? EnumSet.noneOf(Actor.class) : EnumSet.copyOf(actors);
    }

    @Test
    void noSequenceLeavesTheContract() {
        Tries.forAll(3000, steps().list(0, 12), StateMachineProperties::staysInTheContract);
    }

    private static void staysInTheContract(List<Step> steps) {
        QuoteStatus status = QuoteStatus.DRAFT;
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

    @Test
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

    @Test
    void finalStatusesAreNeverLeft() {
        for (QuoteStatus status : FINAL) {
            Tries.forEvery(everyStep(), step -> finalStatusIsNotLeft(status, step));
        }
    }

    private static void finalStatusIsNotLeft(QuoteStatus status, Step step) {
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

    @Test
    void aRoleThatMayNeverDoAnActionIsForbiddenWhateverTheStatus() {
        for (QuoteStatus status : QuoteStatus.values()) {
            Tries.forEvery(everyStep(), step -> forbiddenIfNeverAllowed(status, step));
        }
    }

    private static void forbiddenIfNeverAllowed(QuoteStatus status, Step step) {
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

    @Test
    void acceptingAnExpiredQuoteSaysExpired() {
        assertThatThrownBy(
                        () ->
                                QuoteStateMachine.decide(
                                        QuoteStatus.EXPIRED,
                                        Action.ACCEPT,
                                        EnumSet.of(Actor.OWNER)))
                .isInstanceOf(QuoteExpired.class);
    }

    @Test
    void theTerminalStatusesOfTheTableAreTheContractsFinalOnes() {
        assertThat(QuoteStateMachine.terminal()).isEqualTo(FINAL);
    }
}
