package io.parallellmu.datasets.iwslt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns gettext messages into clean English→Vietnamese sentence pairs, by these documented rules:
 *
 * <ol>
 *   <li>The context (before 0x04) is dropped: it is a disambiguation key, not text.
 *   <li>The English singular is paired with the first translated form, and the English plural (if any) with
 *       the last form (Vietnamese has one form, so both pair with it).
 *   <li>Format markers are removed: printf conversions such as {@code %s}, {@code %-10lu}, {@code %2$s},
 *       {@code %<PRIu64>}; Python's {@code %(name)s}; brace fields such as {@code {0}} and {@code {name}}. A
 *       literal {@code %%} becomes {@code %}. GTK mnemonic underscores before a letter at the start of a word
 *       ({@code _Open}) are removed.
 *   <li>A message whose English and Vietnamese have the same number (more than one) of non-blank lines is cut
 *       into one pair per line, as help texts are translated line by line; otherwise line breaks are spaces.
 *   <li>White space is collapsed to single spaces and trimmed.
 *   <li>A pair is dropped if either side is empty, if the English has no letter, or if both sides are
 *       identical (untranslated).
 * </ol>
 */
public final class CatalogPairs {

    private static final Pattern PRINTF =
            Pattern.compile(
                    "%(?:\\d+\\$)?[-+#0']*(?:\\d+|\\*)?(?:\\.(?:\\d+|\\*))?"
                            + "(?:<[A-Za-z0-9_]+>|(?:hh|h|ll|l|L|q|j|z|Z|t)?[diouxXeEfFgGaAcspnmC])");
    private static final Pattern PYTHON_FORMAT = Pattern.compile("%\\([^)]*\\)[-+ #0]*\\d*(?:\\.\\d+)?[diouxXeEfFgGcrsa]");
    private static final Pattern BRACE_FIELD = Pattern.compile("\\{[A-Za-z0-9_]*\\}");
    private static final Pattern MNEMONIC = Pattern.compile("(^|[^\\p{L}\\p{N}_])_(?=\\p{L})");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    /**
     * A cleaned pair.
     *
     * @param english the English side
     * @param vietnamese the Vietnamese side
     */
    public record Pair(String english, String vietnamese) {}

    private CatalogPairs() {}

    /**
     * Cleans one catalog entry into zero or more pairs.
     *
     * @param entry the message
     * @return its pairs, in order
     */
    public static List<Pair> of(MoCatalog.Entry entry) {
        List<Pair> pairs = new ArrayList<>();
        List<String> forms = entry.translations();
        List<String> original = entry.original();
        addAll(pairs, original.get(0), forms.get(0));
        if (original.size() > 1) {
            addAll(pairs, original.get(1), forms.get(forms.size() - 1));
        }
        return pairs;
    }

    /**
     * Removes format markers and mnemonics, and collapses white space.
     *
     * @param text a message
     * @return the cleaned text
     */
    public static String clean(String text) {
        String s = PYTHON_FORMAT.matcher(text).replaceAll(" ");
        s = s.replace("%%", "\u0000");
        s = PRINTF.matcher(s).replaceAll(" ");
        s = s.replace('\u0000', '%');
        s = BRACE_FIELD.matcher(s).replaceAll(" ");
        s = MNEMONIC.matcher(s).replaceAll("$1");
        return SPACE.matcher(s).replaceAll(" ").strip();
    }

    private static void addAll(List<Pair> pairs, String english, String vietnamese) {
        List<String> enLines = nonBlankLines(english);
        List<String> viLines = nonBlankLines(vietnamese);
        if (enLines.size() > 1 && enLines.size() == viLines.size()) {
            for (int i = 0; i < enLines.size(); i++) {
                add(pairs, enLines.get(i), viLines.get(i));
            }
        } else {
            add(pairs, english, vietnamese);
        }
    }

    private static void add(List<Pair> pairs, String english, String vietnamese) {
        String en = clean(english);
        String vi = clean(vietnamese);
        if (en.isEmpty() || vi.isEmpty() || en.equals(vi) || en.codePoints().noneMatch(Character::isLetter)) {
            return;
        }
        pairs.add(new Pair(en, vi));
    }

    private static List<String> nonBlankLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
