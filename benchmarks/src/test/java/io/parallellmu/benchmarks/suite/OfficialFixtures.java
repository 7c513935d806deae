package io.parallellmu.benchmarks.suite;

import io.parallellmu.datasets.mnist.IdxWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes tiny data sets in the official layouts of every task under a data root, so that the suite runs
 * end to end without fetching anything. Each has a simple, learnable rule; sizes are the smallest the official
 * readers accept (MNIST needs more than its 10,000-image validation hold-out).
 */
final class OfficialFixtures {

    private static final String[] FILLER = {"the", "a", "of", "and", "to", "in", "is", "it", "that", "this"};
    private static final String[] POSITIVE = {"great", "good", "wonderful", "superb", "fine"};
    private static final String[] NEGATIVE = {"bad", "awful", "poor", "boring", "dull"};

    private final Random random = new Random(7);

    private OfficialFixtures() {}

    /**
     * Writes all six file-based tasks' fixtures (Mackey-Glass is generated).
     *
     * @param root the data root
     * @throws IOException if writing fails
     */
    static void writeAll(Path root) throws IOException {
        OfficialFixtures fixtures = new OfficialFixtures();
        fixtures.mnist(root.resolve("psmnist"));
        fixtures.imdb(root.resolve("imdb"));
        fixtures.qqp(root.resolve("qqp"));
        fixtures.snli(root.resolve("snli"));
        fixtures.iwslt(root.resolve("iwslt15-en-vi"));
        fixtures.text8(root.resolve("text8"));
    }

    /** Digit d is a bright 6×6 block at one of ten places, on faint noise. */
    private void mnist(Path dir) throws IOException {
        Files.createDirectories(dir);
        images(dir, "train", 10_048);
        images(dir, "t10k", 40);
    }

    private void images(Path dir, String prefix, int count) throws IOException {
        byte[] pixels = new byte[count * 784];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int digit = random.nextInt(10);
            labels[i] = (byte) digit;
            for (int p = 0; p < 784; p++) {
                pixels[i * 784 + p] = (byte) random.nextInt(40);
            }
            int top = 2 + (digit / 5) * 12;
            int left = 2 + (digit % 5) * 5;
            for (int r = top; r < top + 6; r++) {
                for (int c = left; c < left + 4; c++) {
                    pixels[i * 784 + r * 28 + c] = (byte) 250;
                }
            }
        }
        IdxWriter.writeImages(dir.resolve(prefix + "-images-idx3-ubyte"), count, 28, 28, pixels);
        IdxWriter.writeLabels(dir.resolve(prefix + "-labels-idx1-ubyte"), labels);
    }

    /** Positive reviews use positive words, negative ones negative words. */
    private void imdb(Path dir) throws IOException {
        int id = 0;
        for (String split : List.of("train", "test")) {
            int count = split.equals("train") ? 30 : 12;
            for (int i = 0; i < count; i++) {
                write(dir.resolve("aclImdb/" + split + "/pos/" + id++ + "_9.txt"), sentence(POSITIVE, 12));
                write(dir.resolve("aclImdb/" + split + "/neg/" + id++ + "_2.txt"), sentence(NEGATIVE, 12));
            }
        }
    }

    /** A duplicate pair shares its key word. */
    private void qqp(Path dir) throws IOException {
        String header = "id\tqid1\tqid2\tquestion1\tquestion2\tis_duplicate\n";
        write(dir.resolve("train.tsv"), header + pairs(80, true));
        write(dir.resolve("dev.tsv"), header + pairs(30, true));
    }

    private String pairs(int count, boolean tsv) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            boolean same = random.nextBoolean();
            String key = POSITIVE[random.nextInt(POSITIVE.length)];
            String other = same ? key : NEGATIVE[random.nextInt(NEGATIVE.length)];
            out.append(i).append('\t').append(2 * i).append('\t').append(2 * i + 1).append('\t')
                    .append(sentence(key)).append('\t').append(sentence(other)).append('\t').append(same ? 1 : 0)
                    .append('\n');
        }
        return out.toString();
    }

    /** Entailment repeats the premise's key word, contradiction negates it, neutral uses another. */
    private void snli(Path dir) throws IOException {
        String[] labels = {"entailment", "neutral", "contradiction"};
        for (String split : List.of("train", "dev", "test")) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < (split.equals("train") ? 60 : 20); i++) {
                int label = random.nextInt(3);
                String key = POSITIVE[random.nextInt(POSITIVE.length)];
                String hypothesis = switch (label) {
                    case 0 -> sentence(key);
                    case 1 -> sentence(NEGATIVE[random.nextInt(NEGATIVE.length)]);
                    default -> "not " + sentence(key);
                };
                out.append("{\"gold_label\": \"").append(labels[label]).append("\", \"sentence1\": \"")
                        .append(sentence(key)).append("\", \"sentence2\": \"").append(hypothesis).append("\"}\n");
            }
            write(dir.resolve("snli_1.0_" + split + ".jsonl"), out.toString());
        }
    }

    /** "Vietnamese" is the English sentence with each word suffixed, in the same order. */
    private void iwslt(Path dir) throws IOException {
        for (String split : List.of("train", "tst2012", "tst2013")) {
            StringBuilder en = new StringBuilder();
            StringBuilder vi = new StringBuilder();
            for (int i = 0; i < (split.equals("train") ? 80 : 20); i++) {
                String sentence = sentence(POSITIVE, 4);
                en.append(sentence).append('\n');
                vi.append(sentence.replace(" ", "_vi ")).append("_vi\n");
            }
            write(dir.resolve(split + ".en"), en.toString());
            write(dir.resolve(split + ".vi"), vi.toString());
        }
        List<String> english = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
        List<String> vietnamese = new ArrayList<>(english);
        for (String word : concat(FILLER, POSITIVE)) {
            english.add(word);
            vietnamese.add(word + "_vi");
        }
        write(dir.resolve("vocab.en"), String.join("\n", english) + "\n");
        write(dir.resolve("vocab.vi"), String.join("\n", vietnamese) + "\n");
    }

    /** 30,000 characters of filler words. */
    private void text8(Path dir) throws IOException {
        StringBuilder text = new StringBuilder();
        while (text.length() < 30_000) {
            text.append(' ').append(FILLER[random.nextInt(FILLER.length)]);
        }
        write(dir.resolve("text8"), text.substring(0, 30_000));
    }

    private String sentence(String key) {
        return sentence(new String[] {key}, 1) + " " + sentence(FILLER, 4);
    }

    private String sentence(String[] words, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(i % 3 == 0 || words == FILLER ? words[random.nextInt(words.length)] : FILLER[random.nextInt(FILLER.length)]);
        }
        return String.join(" ", out);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
