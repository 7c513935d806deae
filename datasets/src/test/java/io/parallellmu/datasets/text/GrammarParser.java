package io.parallellmu.datasets.text;

import io.parallellmu.datasets.text.EventGrammar.Event;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the grammar's sentences back into events, independently of the generator's code paths, so that tests
 * can check that every label follows from the words and their order.
 */
public final class GrammarParser {

    private static final Pattern PASSIVE = Pattern.compile("the (\\w+) was( not)? (\\w+) by the (\\w+)");
    private static final Pattern DID = Pattern.compile("the (\\w+) did( not)? (\\w+) the (\\w+)");
    private static final Pattern PAST = Pattern.compile("the (\\w+) (\\w+) the (\\w+)");
    private static final Pattern DID_QUESTION = Pattern.compile("did the (\\w+) (\\w+) the (\\w+)");
    private static final Pattern WAS_QUESTION = Pattern.compile("was the (\\w+) (\\w+) by the (\\w+)");
    private static final String TRUE_THAT = "is it true that ";

    private GrammarParser() {}

    /**
     * Parses a statement or a question.
     *
     * @param sentence the sentence as generated
     * @return its event
     * @throws IllegalArgumentException if the sentence is not in the grammar
     */
    public static Event parse(String sentence) {
        String s = sentence;
        if (!(s.endsWith(" .") || s.endsWith(" ?"))) {
            throw new IllegalArgumentException("no final . or ?: " + sentence);
        }
        s = s.substring(0, s.length() - 2);
        int time = -1;
        for (String phrase : timePhrases()) {
            if (s.startsWith(phrase + " , ")) {
                time = timeOf(phrase);
                s = s.substring(phrase.length() + 3);
                break;
            }
            if (s.endsWith(" " + phrase)) {
                time = timeOf(phrase);
                s = s.substring(0, s.length() - phrase.length() - 1);
                break;
            }
        }
        if (s.startsWith(TRUE_THAT)) {
            s = s.substring(TRUE_THAT.length());
        }
        Matcher m;
        if ((m = PASSIVE.matcher(s)).matches()) {
            return new Event(person(m.group(4)), verb(m.group(3), 2), person(m.group(1)), time, m.group(2) != null);
        }
        if ((m = DID.matcher(s)).matches()) {
            return new Event(person(m.group(1)), verb(m.group(3), 0), person(m.group(4)), time, m.group(2) != null);
        }
        if ((m = DID_QUESTION.matcher(s)).matches()) {
            return new Event(person(m.group(1)), verb(m.group(2), 0), person(m.group(3)), time, false);
        }
        if ((m = WAS_QUESTION.matcher(s)).matches()) {
            return new Event(person(m.group(3)), verb(m.group(2), 2), person(m.group(1)), time, false);
        }
        if ((m = PAST.matcher(s)).matches()) {
            return new Event(person(m.group(1)), verb(m.group(2), 1), person(m.group(3)), time, false);
        }
        throw new IllegalArgumentException("not in the grammar: " + sentence);
    }

    private static List<String> timePhrases() {
        List<String> phrases = new ArrayList<>();
        EventGrammar.TIMES.forEach(phrases::addAll);
        phrases.sort(Comparator.comparingInt(String::length).reversed());
        return phrases;
    }

    private static int timeOf(String phrase) {
        for (int i = 0; i < EventGrammar.TIMES.size(); i++) {
            if (EventGrammar.TIMES.get(i).contains(phrase)) {
                return i;
            }
        }
        throw new IllegalArgumentException(phrase);
    }

    private static int person(String word) {
        for (int i = 0; i < EventGrammar.PEOPLE.size(); i++) {
            if (EventGrammar.PEOPLE.get(i).contains(word)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown person " + word);
    }

    private static int verb(String word, int form) {
        for (int i = 0; i < EventGrammar.VERBS.size(); i++) {
            for (List<String> synonym : EventGrammar.VERBS.get(i)) {
                if (synonym.get(form).equals(word)) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException("unknown verb form " + word);
    }
}
