package io.parallellmu.datasets.snli;

import io.parallellmu.datasets.text.EventGrammar.Event;

/**
 * The meaning of the synthetic SNLI pairs: how a hypothesis event relates to a premise event.
 *
 * <p>A statement without a time is read as "ever" ("the doctor did not call the kid" means never); a
 * statement with a time is about that time only. For the same action (same agent, verb and patient):
 *
 * <ul>
 *   <li>both affirmative: entailment if the hypothesis has no time or the premise's time, else neutral;
 *   <li>affirmative premise, negated hypothesis: contradiction if the hypothesis has no time or the premise's
 *       time, else neutral;
 *   <li>both negated: entailment if the premise has no time or the hypothesis's time, else neutral;
 *   <li>negated premise, affirmative hypothesis: contradiction if the premise has no time or the
 *       hypothesis's time, else neutral.
 * </ul>
 *
 * A different action (such as the roles swapped) is neutral.
 */
public final class EntailmentRules {

    /** Entailment's class id. */
    public static final int ENTAILMENT = 0;
    /** Neutral's class id. */
    public static final int NEUTRAL = 1;
    /** Contradiction's class id. */
    public static final int CONTRADICTION = 2;

    private EntailmentRules() {}

    /**
     * Returns the relation of a hypothesis to a premise.
     *
     * @param premise the premise event
     * @param hypothesis the hypothesis event
     * @return {@link #ENTAILMENT}, {@link #NEUTRAL} or {@link #CONTRADICTION}
     */
    public static int relation(Event premise, Event hypothesis) {
        if (!premise.sameAction(hypothesis)) {
            return NEUTRAL;
        }
        boolean sameTime = premise.time() == hypothesis.time();
        if (!premise.negated()) {
            boolean covered = hypothesis.time() < 0 || sameTime;
            if (!covered) {
                return NEUTRAL;
            }
            return hypothesis.negated() ? CONTRADICTION : ENTAILMENT;
        }
        boolean covered = premise.time() < 0 || sameTime;
        if (!covered) {
            return NEUTRAL;
        }
        return hypothesis.negated() ? ENTAILMENT : CONTRADICTION;
    }
}
