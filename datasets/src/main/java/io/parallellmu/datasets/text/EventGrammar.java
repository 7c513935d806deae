package io.parallellmu.datasets.text;

import java.util.List;
import java.util.Random;

/**
 * A small compositional grammar of events "who did what to whom, when", realised as English statements or
 * questions, from which the synthetic QQP and SNLI stand-ins are generated.
 *
 * <p>An {@link Event} has an agent and a patient (two different people), a transitive verb, an optional time
 * and a polarity. Every concept has two synonymous words, chosen at random each time it is realised, and every
 * event can be said in the active or the passive voice, with the time (if any) at the end or at the front. So
 * one event has many surfaces, and two different events (such as the same people with the roles swapped) can
 * have exactly the same words: telling them apart needs word order, not a bag of words.
 */
public final class EventGrammar {

    /** The people: each a pair of synonyms. */
    static final List<List<String>> PEOPLE =
            List.of(
                    List.of("doctor", "physician"),
                    List.of("teacher", "instructor"),
                    List.of("child", "kid"),
                    List.of("lawyer", "attorney"),
                    List.of("chef", "cook"),
                    List.of("student", "pupil"),
                    List.of("officer", "policeman"),
                    List.of("singer", "vocalist"),
                    List.of("boss", "manager"),
                    List.of("friend", "buddy"),
                    List.of("author", "writer"),
                    List.of("driver", "chauffeur"));

    /** The verbs: each a pair of synonyms, each as base form, past tense, past participle. */
    static final List<List<List<String>>> VERBS =
            List.of(
                    verb("help", "helped", "helped", "assist", "assisted", "assisted"),
                    verb("call", "called", "called", "phone", "phoned", "phoned"),
                    verb("hire", "hired", "hired", "employ", "employed", "employed"),
                    verb("praise", "praised", "praised", "commend", "commended", "commended"),
                    verb("follow", "followed", "followed", "trail", "trailed", "trailed"),
                    verb("meet", "met", "met", "encounter", "encountered", "encountered"),
                    verb("watch", "watched", "watched", "observe", "observed", "observed"),
                    verb("pay", "paid", "paid", "compensate", "compensated", "compensated"),
                    verb("warn", "warned", "warned", "caution", "cautioned", "cautioned"));

    /** The times: each a pair of synonymous phrases. */
    static final List<List<String>> TIMES =
            List.of(
                    List.of("yesterday", "the day before"),
                    List.of("last week", "the previous week"),
                    List.of("this morning", "earlier today"),
                    List.of("last night", "yesterday evening"),
                    List.of("on monday", "monday"));

    /** The number of people. */
    public static final int PEOPLE_COUNT = PEOPLE.size();
    /** The number of verbs. */
    public static final int VERB_COUNT = VERBS.size();
    /** The number of times. */
    public static final int TIME_COUNT = TIMES.size();

    /**
     * One event.
     *
     * @param agent who acts, an index into the people
     * @param verb what is done, an index into the verbs
     * @param patient to whom, an index into the people, not the agent
     * @param time when, an index into the times, or -1 for no time
     * @param negated whether the statement denies the event
     */
    public record Event(int agent, int verb, int patient, int time, boolean negated) {

        /**
         * Returns the event with agent and patient swapped.
         *
         * @return the swapped event
         */
        public Event swapped() {
            return new Event(patient, verb, agent, time, negated);
        }

        /**
         * Returns the event with another time and polarity.
         *
         * @param newTime the time, or -1
         * @param newNegated the polarity
         * @return the changed event
         */
        public Event with(int newTime, boolean newNegated) {
            return new Event(agent, verb, patient, newTime, newNegated);
        }

        /**
         * Tells whether both events are about the same people in the same roles doing the same thing.
         *
         * @param other the other event
         * @return {@code true} if agent, verb and patient agree
         */
        public boolean sameAction(Event other) {
            return agent == other.agent && verb == other.verb && patient == other.patient;
        }
    }

    private final Random random;

    /**
     * Creates a grammar drawing from a seeded generator.
     *
     * @param random the generator
     */
    public EventGrammar(Random random) {
        this.random = random;
    }

    /**
     * Draws a random event.
     *
     * @param timeProbability the chance that it has a time
     * @return the event, affirmative
     */
    public Event randomEvent(double timeProbability) {
        int agent = random.nextInt(PEOPLE_COUNT);
        int patient = (agent + 1 + random.nextInt(PEOPLE_COUNT - 1)) % PEOPLE_COUNT;
        int time = random.nextDouble() < timeProbability ? random.nextInt(TIME_COUNT) : -1;
        return new Event(agent, random.nextInt(VERB_COUNT), patient, time, false);
    }

    /**
     * Draws a random time.
     *
     * @return an index into the times
     */
    public int randomTime() {
        return random.nextInt(TIME_COUNT);
    }

    /**
     * Says an event as a statement, such as {@code the kid was not helped by the physician yesterday .}. An
     * affirmative active statement is said half the time with an emphatic "did" ({@code the physician did help
     * the kid}), so that affirmation and negation differ by the one word "not" in either voice.
     *
     * @param event the event
     * @return the sentence, tokens separated by spaces
     */
    public String statement(Event event) {
        boolean passive = random.nextBoolean();
        String not = event.negated() ? " not" : "";
        String clause =
                passive
                        ? person(event.patient()) + " was" + not + " " + verb(event.verb(), 2) + " by " + person(event.agent())
                        : event.negated() || random.nextBoolean()
                                ? person(event.agent()) + " did" + not + " " + verb(event.verb(), 0) + " " + person(event.patient())
                                : person(event.agent()) + " " + verb(event.verb(), 1) + " " + person(event.patient());
        return withTime(clause, event.time(), ".");
    }

    /**
     * Says an affirmative event as a yes/no question, such as {@code was the kid helped by the physician ?}.
     *
     * @param event the event; its polarity is ignored
     * @return the question, tokens separated by spaces
     */
    public String question(Event event) {
        String agent = person(event.agent());
        String patient = person(event.patient());
        String clause =
                switch (random.nextInt(4)) {
                    case 0 -> "did " + agent + " " + verb(event.verb(), 0) + " " + patient;
                    case 1 -> "was " + patient + " " + verb(event.verb(), 2) + " by " + agent;
                    case 2 -> "is it true that " + agent + " " + verb(event.verb(), 1) + " " + patient;
                    default -> "is it true that " + patient + " was " + verb(event.verb(), 2) + " by " + agent;
                };
        return withTime(clause, event.time(), "?");
    }

    private String withTime(String clause, int time, String end) {
        if (time < 0) {
            return clause + " " + end;
        }
        String when = pick(TIMES.get(time));
        return random.nextBoolean() ? clause + " " + when + " " + end : when + " , " + clause + " " + end;
    }

    private String person(int index) {
        return "the " + pick(PEOPLE.get(index));
    }

    private String verb(int index, int form) {
        return VERBS.get(index).get(random.nextInt(2)).get(form);
    }

    private String pick(List<String> synonyms) {
        return synonyms.get(random.nextInt(synonyms.size()));
    }

    private static List<List<String>> verb(String... forms) {
        return List.of(List.of(forms[0], forms[1], forms[2]), List.of(forms[3], forms[4], forms[5]));
    }
}
