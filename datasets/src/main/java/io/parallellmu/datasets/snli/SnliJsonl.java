package io.parallellmu.datasets.snli;

import io.parallellmu.datasets.DataFormatException;
import io.parallellmu.datasets.text.JsonLines;
import io.parallellmu.datasets.text.SentencePair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * SNLI 1.0's {@code snli_1.0_{train,dev,test}.jsonl}: one JSON object per line with (among parse and id
 * fields, which are ignored) {@code gold_label}, {@code sentence1} (premise) and {@code sentence2}
 * (hypothesis). A {@code gold_label} of {@code -} means the annotators reached no consensus; such pairs are
 * dropped, as the format defines, and counted. Any other label than entailment, neutral, contradiction or
 * {@code -} is an error.
 */
public final class SnliJsonl {

    /** The class ids by name: entailment 0, neutral 1, contradiction 2. */
    public static final List<String> LABELS = List.of("entailment", "neutral", "contradiction");
    /** The {@code gold_label} of a pair without consensus. */
    public static final String NO_CONSENSUS = "-";

    /**
     * One file's pairs.
     *
     * @param pairs the labelled pairs, in file order
     * @param skipped how many pairs had {@code gold_label} {@code -} and were dropped
     */
    public record Split(List<SentencePair> pairs, int skipped) {}

    private SnliJsonl() {}

    /**
     * Reads one file.
     *
     * @param file the {@code .jsonl} file
     * @return its labelled pairs and the count of dropped ones
     * @throws IOException if the file cannot be read, or (naming the line) has a malformed line, a missing
     *     field or an unknown label, or holds no labelled pair
     */
    public static Split read(Path file) throws IOException {
        List<SentencePair> pairs = new ArrayList<>();
        int skipped = 0;
        for (JsonLines.Line line : JsonLines.read(file)) {
            String gold = line.string("gold_label");
            String premise = line.string("sentence1");
            String hypothesis = line.string("sentence2");
            if (gold.equals(NO_CONSENSUS)) {
                skipped++;
                continue;
            }
            int label = LABELS.indexOf(gold);
            if (label < 0) {
                throw new DataFormatException(
                        file, "line " + line.number(), "unknown gold_label '" + gold + "'; expected entailment, neutral, contradiction or -");
            }
            pairs.add(new SentencePair(premise, hypothesis, label));
        }
        if (pairs.isEmpty()) {
            throw new DataFormatException(
                    file, "line 1", "empty data set: no labelled pairs (" + skipped + " without consensus dropped)");
        }
        return new Split(pairs, skipped);
    }
}
