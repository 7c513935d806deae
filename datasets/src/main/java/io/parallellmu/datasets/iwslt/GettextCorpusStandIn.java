package io.parallellmu.datasets.iwslt;

import com.google.auto.service.AutoService;
import io.parallellmu.datasets.fetch.StandInSource;
import io.parallellmu.text.HtmlEntities;
import io.parallellmu.vocabulary.TaskId;
import io.parallellmu.vocabulary.DataKind;
import io.parallellmu.datasets.fetch.AtomicDirectory;
import io.parallellmu.datasets.fetch.Checksums;
import io.parallellmu.datasets.fetch.DebianPackages.Pin;
import io.parallellmu.datasets.fetch.DebianPackages;
import io.parallellmu.datasets.fetch.FetchException;
import io.parallellmu.datasets.fetch.StandInManifest;
import io.parallellmu.datasets.text.CachedStandIn;
import io.parallellmu.datasets.text.TextVocabulary;
import io.parallellmu.text.EntityWordTokenizer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The stand-in for IWSLT'15 En-Vi: real English→Vietnamese pairs from the Vietnamese GNU gettext catalogs of
 * a pinned list of Debian packages (program messages, help texts, country and language names), not from
 * whatever happens to be installed.
 *
 * <p>Each package is fetched with {@code apt-get download} and unpacked by {@link DebianPackages}; every regular
 * {@code usr/share/locale/vi/LC_MESSAGES/*.mo} file is read with {@link MoCatalog}, in package order then file
 * name order, and cleaned by {@link CatalogPairs}. Both sides are tokenised by {@link WordTokenizer} keeping
 * case, tokens are escaped with {@link HtmlEntities} as in the official release, and exact duplicate pairs are
 * dropped (the first kept). A pair goes to the test split ({@code tst2013}) or validation split
 * ({@code tst2012}), 5% each, by the SHA-256 of its English side, so that one English message never sits in
 * two splits. The vocabularies are built from the training split. Everything is written in the official
 * layout ({@link IwsltCorpus}) with a manifest recording each package's version and the corpus checksum.
 */
@AutoService(StandInSource.class)
public final class GettextCorpusStandIn extends CachedStandIn {

    /** The stand-in's name. */
    public static final String NAME = "gettext-en-vi";

    /** The packages, their pinned versions and the SHA-256 of those versions' {@code .deb}s. */
    public static final List<Pin> PACKAGES =
            List.of(
                    new Pin("apt", "2.6.1", "6ea03cbbc7a7bfcee601c9fb08d4e026fd522ede5350561f06867ad9c0a0fa6b"),
                    new Pin("bash", "5.2.15-2+b13", "82130bb6a560cd2a7234d8018baf73f188f5dd56413d5aa0accc987b2197a6a1"),
                    new Pin("binutils-common", "2.40-2", "ab314134f43a0891a48f69a9bc33d825da748fa5e0ba2bebb7a5c491b026f1a0"),
                    new Pin("coreutils", "9.1-1", "61038f857e346e8500adf53a2a0a20859f4d3a3b51570cc876b153a2d51a3091"),
                    new Pin("cpio", "2.13+dfsg-7.1", "73d4a22bdd7eb6be1e480d6884b103eb500cfd539cc20ae0f3e44dd8b0614798"),
                    new Pin("diffutils", "1:3.8-4", "8bdfedc14c1035e3750e9f055ac9c1ecd9b5d05d9e6dc6466c4e9237eef407dd"),
                    new Pin("dpkg", "1.21.23", "f89e9f8d1a4a50ade44be3ed59a6ec55460fce205d2f8520c5c492137c5b609b"),
                    new Pin("findutils", "4.9.0-4", "5dd86bd0af4aa73f067dfd6b8339dd868f2dd84056aa79db29d1206d4fbc5e04"),
                    new Pin("gcc-12-locales", "12.2.0-14+deb12u1", "a701516b5e34086f478b0a329dfd9dd8e1695e8bac5917a6b162a87719abe28f"),
                    new Pin("gettext", "0.21-12", "8c1f9d43575373ce311f51d00a13afbb4888d63aa559a93a3472f5d77513b60c"),
                    new Pin("grep", "3.8-5", "3264acea728df3c48a54f20e9291b965130e306b9d00adac76647049da7196df"),
                    new Pin("iso-codes", "4.15.0-1", "b1beb869303229c38288d4ddacfd582c91f594759b5767c9cecebd87f16ff70e"),
                    new Pin("libc-l10n", "2.36-9+deb12u14", "95285badd0b02ca7e90e8f20d17c912170ffaeb48db10f113d1ece042b59248d"),
                    new Pin("libglib2.0-data", "2.74.6-2+deb12u9", "d98434e097009dedd2f2382c48b7debab5b14261966c0e0506a991b2496bea5f"),
                    new Pin("libgpg-error-l10n", "1.46-1", "8f049e9d6cf7eed3903161b13d3cc10ef1aa4bf145309b73803a8ff4fa53baa4"),
                    new Pin("libgtk-3-common", "3.24.38-2~deb12u3", "f2642d127d85440acbfc2ed404d3932d8b2fbe8a576ead7f93f35ac1fa999c92"),
                    new Pin("libgtk2.0-common", "2.24.33-2+deb12u1", "f55a9800d3721b1de246e4bfaf94a63ca50efdfa49eb5fa2362ed4fa79258299"),
                    new Pin("make", "4.3-4.1", "a1a83af8cbd854af887b72ad196b1f4af58387815e21ced1000253a116a46e2a"),
                    new Pin("sed", "4.9-1+deb12u1", "fd557efeee8aae4619c2cb7f68aadccb804322ad4a99ab048aaae5901d253885"),
                    new Pin("shared-mime-info", "2.2-1", "dd026add873483566faefebbd8779a1e5e14ab2e44682ebfe238c3828a2b936b"),
                    new Pin("tar", "1.34+dfsg-1.2+deb12u1", "24fb92e98c2969171f81a8b589263d705f6b1670f95d121cd74c810d4605acc3"),
                    new Pin("wget", "1.21.3-1+deb12u1", "b389052d1d8a8cacec4f0380d9ee54e8082bfbebe374299be95b5286c9380f80"),
                    new Pin("xz-utils", "5.4.1-1+deb12u1", "cc6dc501e0c06be3f89e9a7f8dfd7a97f92aadfd9daa60fad19b90d6a5558b80"));

    /** The corpus checksum ({@link StandInManifest#checksumOf}) when every package is at its pinned version. */
    public static final String PINNED_CORPUS_SHA256 = "2d9377eb154f2555e2e5c3b2d7c5cee7f2fc2d6f8b03fa6be21d8fd9747e7034";

    private static final String CATALOGS = "usr/share/locale/vi/LC_MESSAGES";
    private static final int HELD_OUT_PER_MILLE = 50;
    private static final String MANUAL_HINT =
            "To use the official data instead, put the IWSLT'15 En-Vi files (train.{en,vi}, tst2012.{en,vi},"
                    + " tst2013.{en,vi}, vocab.{en,vi}) in <data dir>/" + TaskId.IWSLT15_EN_VI.id() + "/.";

    /** Creates the stand-in. */
    public GettextCorpusStandIn() {
        super(
                NAME,
                TaskId.IWSLT15_EN_VI.id(),
                "Debian gettext catalogs (vi) of " + PACKAGES.size()
                        + " pinned packages: real English→Vietnamese program messages, standing in for IWSLT'15 En-Vi");
    }

    /**
     * Returns the pinned checksum for a cache that records the pinned packages' versions, so that such a cache
     * whose data and manifest were changed together is fetched again; a cache converted from newer packages
     * (when the archive no longer had the pinned ones) has no pinned checksum and is checked against its manifest.
     *
     * @param cached the cache's manifest
     * @return the pinned checksum, or empty for a cache from other package versions
     */
    @Override
    protected Optional<String> pinnedChecksum(StandInManifest cached) {
        return DebianPackages.pinnedChecksum(cached.versions(), PACKAGES, PINNED_CORPUS_SHA256);
    }

    /** {@inheritDoc} */
    @Override
    protected void convert(Path target, Path scratch, PrintStream log) throws IOException {
        DebianPackages debian = new DebianPackages(log);
        EntityWordTokenizer tokenizer = IwsltDataset.tokenizer();
        Set<String> seen = new LinkedHashSet<>();
        Map<String, String> versions = new LinkedHashMap<>();
        boolean allPinned = true;
        int catalogs = 0;
        for (Pin pin : PACKAGES) {
            Path work = scratch.resolve(pin.name());
            DebianPackages.Unpacked unpacked = debian.fetch(pin, work, MANUAL_HINT);
            versions.put(pin.name(), unpacked.version());
            allPinned &= unpacked.pinned();
            for (Path mo : catalogs(unpacked.root().resolve(CATALOGS))) {
                catalogs++;
                for (MoCatalog.Entry entry : MoCatalog.read(mo)) {
                    for (CatalogPairs.Pair pair : CatalogPairs.of(entry)) {
                        seen.add(String.join(" ", tokenizer.tokenize(pair.english())) + "\t"
                                + String.join(" ", tokenizer.tokenize(pair.vietnamese())));
                    }
                }
            }
            AtomicDirectory.deleteRecursively(work);
        }
        if (catalogs == 0 || seen.isEmpty()) {
            throw new FetchException("No Vietnamese catalogs found in the pinned packages. " + MANUAL_HINT);
        }
        write(target, new ArrayList<>(seen));
        String source =
                "stand-in: Debian gettext catalogs (vi) from " + catalogs + " catalogs of " + PACKAGES.size()
                        + " packages, English→Vietnamese program messages (not IWSLT'15)";
        StandInManifest manifest =
                StandInManifest.describe(target, task(), DataKind.STAND_IN, source, IwsltCorpus.FILES, versions);
        if (allPinned) {
            manifest.requireChecksum(PINNED_CORPUS_SHA256, "The gettext corpus built from the pinned packages");
        } else {
            log.println("  some packages are newer than pinned; the corpus checksum is " + manifest.checksum());
        }
        manifest.write(target);
    }

    private static List<Path> catalogs(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".mo"))
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    private static void write(Path target, List<String> pairs) throws IOException {
        Map<String, List<String>> splits = new LinkedHashMap<>();
        for (String split : List.of("train", "tst2012", "tst2013")) {
            splits.put(split, new ArrayList<>());
        }
        TextVocabulary.Builder enCounts = TextVocabulary.builder();
        TextVocabulary.Builder viCounts = TextVocabulary.builder();
        for (String pair : pairs) {
            String english = pair.substring(0, pair.indexOf('\t'));
            String split = splitOf(english);
            splits.get(split).add(pair);
            if (split.equals("train")) {
                enCounts.add(IwsltCorpus.tokens(english));
                viCounts.add(IwsltCorpus.tokens(pair.substring(pair.indexOf('\t') + 1)));
            }
        }
        for (Map.Entry<String, List<String>> split : splits.entrySet()) {
            StringBuilder en = new StringBuilder();
            StringBuilder vi = new StringBuilder();
            for (String pair : split.getValue()) {
                en.append(pair, 0, pair.indexOf('\t')).append('\n');
                vi.append(pair, pair.indexOf('\t') + 1, pair.length()).append('\n');
            }
            Files.writeString(target.resolve(split.getKey() + ".en"), en, StandardCharsets.UTF_8);
            Files.writeString(target.resolve(split.getKey() + ".vi"), vi, StandardCharsets.UTF_8);
        }
        writeVocabulary(target.resolve("vocab.en"), enCounts.build());
        writeVocabulary(target.resolve("vocab.vi"), viCounts.build());
    }

    private static String splitOf(String english) {
        byte[] hash = Checksums.sha256().digest(english.getBytes(StandardCharsets.UTF_8));
        int bucket = Math.floorMod(((hash[0] & 0xFF) << 8) | (hash[1] & 0xFF), 1000);
        if (bucket < HELD_OUT_PER_MILLE) {
            return "tst2012";
        }
        return bucket < 2 * HELD_OUT_PER_MILLE ? "tst2013" : "train";
    }

    private static void writeVocabulary(Path file, TextVocabulary vocabulary) throws IOException {
        StringBuilder sb = new StringBuilder("<unk>\n<s>\n</s>\n");
        for (String token : vocabulary.tokens().subList(4, (int) vocabulary.size())) {
            sb.append(token).append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }
}
