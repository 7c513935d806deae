package io.parallellmu.datasets.iwslt;

import io.parallellmu.datasets.DataFormatException;
import io.parallellmu.datasets.fetch.StandInManifest;
import io.parallellmu.datasets.text.Splits;
import io.parallellmu.datasets.text.Utf8Text;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The IWSLT'15 English→Vietnamese release in its official layout (Stanford NMT): {@code train.{en,vi}},
 * {@code tst2012.{en,vi}} (the validation split), {@code tst2013.{en,vi}} (the test split), one pre-tokenised
 * sentence per line with tokens separated by spaces and HTML entities kept, and {@code vocab.{en,vi}}, one
 * token per line, starting with {@code <unk>}, {@code <s>}, {@code </s>}. The gettext stand-in is written in
 * the same layout.
 *
 * @param splits the sentence pairs of each split
 * @param vocabEn the English vocabulary file's tokens, in file order
 * @param vocabVi the Vietnamese vocabulary file's tokens, in file order
 * @param checksum the SHA-256 of the eight files
 */
public record IwsltCorpus(Splits<IwsltCorpus.Pair> splits, List<String> vocabEn, List<String> vocabVi, String checksum) {

    /** The files of the layout, in checksum order. */
    public static final List<String> FILES =
            List.of("train.en", "train.vi", "tst2012.en", "tst2012.vi", "tst2013.en", "tst2013.vi", "vocab.en", "vocab.vi");

    /**
     * One sentence pair.
     *
     * @param english the English tokens
     * @param vietnamese the Vietnamese tokens
     */
    public record Pair(List<String> english, List<String> vietnamese) {

        /** Freezes the lists. */
        public Pair {
            english = List.copyOf(english);
            vietnamese = List.copyOf(vietnamese);
        }
    }

    /**
     * Reads a directory in the official layout.
     *
     * @param dir the directory
     * @return the corpus
     * @throws IOException if a file is missing, not UTF-8, or the two sides of a split differ in line count
     */
    public static IwsltCorpus read(Path dir) throws IOException {
        Splits<Pair> splits =
                new Splits<>(split(dir, "train"), split(dir, "tst2012"), split(dir, "tst2013"));
        if (splits.train().isEmpty()) {
            throw new DataFormatException(dir.resolve("train.en"), "line 1", "empty data set: no training sentences");
        }
        return new IwsltCorpus(
                splits,
                vocabulary(dir.resolve("vocab.en")),
                vocabulary(dir.resolve("vocab.vi")),
                StandInManifest.checksumOf(dir, FILES));
    }

    private static List<Pair> split(Path dir, String name) throws IOException {
        Path enFile = dir.resolve(name + ".en");
        Path viFile = dir.resolve(name + ".vi");
        List<String> en = Utf8Text.readLines(enFile);
        List<String> vi = Utf8Text.readLines(viFile);
        if (en.size() != vi.size()) {
            Path shorter = en.size() < vi.size() ? enFile : viFile;
            throw new DataFormatException(
                    shorter,
                    "line " + (Math.min(en.size(), vi.size()) + 1),
                    "line count mismatch: " + enFile.getFileName() + " has " + en.size() + " lines but "
                            + viFile.getFileName() + " has " + vi.size());
        }
        List<Pair> pairs = new ArrayList<>(en.size());
        for (int i = 0; i < en.size(); i++) {
            pairs.add(new Pair(tokens(en.get(i)), tokens(vi.get(i))));
        }
        return pairs;
    }

    /** The special tokens every vocabulary file holds. */
    private static final List<String> SPECIALS = List.of("<unk>", "<s>", "</s>");

    private static List<String> vocabulary(Path file) throws IOException {
        List<String> tokens = new ArrayList<>();
        List<String> lines = Utf8Text.readLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String token = lines.get(i).strip();
            if (token.isEmpty() || token.contains(" ")) {
                throw new DataFormatException(
                        file, "line " + (i + 1), "expected one token per line, got '" + lines.get(i) + "'");
            }
            tokens.add(token);
        }
        if (tokens.isEmpty()) {
            throw new DataFormatException(file, "line 1", "empty vocabulary; expected one token per line, starting with "
                    + String.join(" ", SPECIALS));
        }
        List<String> missing = SPECIALS.stream().filter(special -> !tokens.contains(special)).toList();
        if (!missing.isEmpty()) {
            throw new DataFormatException(file, "line " + lines.size(), "the vocabulary lacks " + String.join(" ", missing)
                    + "; the release's vocabularies start with " + String.join(" ", SPECIALS));
        }
        return tokens;
    }

    /**
     * Splits a pre-tokenised line on white space.
     *
     * @param line the line
     * @return its tokens
     */
    static List<String> tokens(String line) {
        String stripped = line.strip();
        return stripped.isEmpty() ? List.of() : List.of(stripped.split("\\s+"));
    }
}
