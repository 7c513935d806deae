package io.parallellmu.datasets.iwslt;

import io.parallellmu.text.HtmlEntities;
import io.parallellmu.text.EntityWordTokenizer;
import io.parallellmu.vocabulary.TaskId;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.parallellmu.datasets.DataProvenance;
import io.parallellmu.datasets.OfficialLayout;
import io.parallellmu.datasets.text.PaddedSequences;
import io.parallellmu.datasets.text.TextTaskDataset;
import io.parallellmu.datasets.text.TextVocabulary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * IWSLT'15 English→Vietnamese translation (task id {@code iwslt15-en-vi}), from the official release in
 * {@code <root>/iwslt15-en-vi/} ({@link IwsltCorpus}) or the gettext stand-in ({@link GettextCorpusStandIn}).
 * Splits: TRAIN = {@code train}, VALIDATION = {@code tst2012}, TEST = {@code tst2013}.
 *
 * <p>Tensors, all INT32, with N records, source length Ls and target length Lt:
 *
 * <ul>
 *   <li>data: source ids (N, Ls), source lengths (N), decoder input ids {@code <bos> y} (N, Lt), target
 *       lengths (N);
 *   <li>labels: decoder output ids {@code y <eos>} (N, Lt), target lengths (N).
 * </ul>
 *
 * The vocabularies are the release's {@code vocab.en} and {@code vocab.vi} in file order, after
 * {@code <pad> <unk> <bos> <eos>} (the file's {@code <unk> <s> </s>} map onto these), limited in size. Tokens
 * keep their HTML entities; {@link #detokenize} decodes them for output and BLEU.
 */
public final class IwsltDataset extends TextTaskDataset {

    /** The official layout: the Stanford NMT release's eight files in {@code <root>/iwslt15-en-vi/}. */
    public static final OfficialLayout OFFICIAL = OfficialLayout.of(TaskId.IWSLT15_EN_VI, IwsltCorpus.FILES,
            dir -> "put the Stanford NMT release's " + String.join(", ", IwsltCorpus.FILES) + " in " + dir);


    private static final Set<String> FILE_SPECIALS = Set.of("<unk>", "<s>", "</s>");

    private final int sourceVocabularySize;
    private final int targetVocabularySize;
    private final int maxSourceLength;
    private final int maxTargetLength;
    private TextVocabulary sourceVocabulary;
    private TextVocabulary targetVocabulary;
    private List<List<String>> references;

    private IwsltDataset(Builder builder) {
        super(builder);
        this.sourceVocabularySize = builder.sourceVocabularySize;
        this.targetVocabularySize = builder.targetVocabularySize;
        this.maxSourceLength = builder.maxSourceLength;
        this.maxTargetLength = builder.maxTargetLength;
    }

    /**
     * Creates a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the tokeniser that made the gettext stand-in's tokens (case kept, entities escaped as in the release)
     * and that joins target tokens back into text; the official release was tokenised by Moses, which it
     * approximates.
     *
     * @return the tokeniser
     */
    public static EntityWordTokenizer tokenizer() {
        return new EntityWordTokenizer(false);
    }

    /** {@inheritDoc} */
    @Override
    protected Loaded load(NDManager manager) throws IOException {
        Origin origin = resolve(OFFICIAL, new GettextCorpusStandIn());
        IwsltCorpus corpus = IwsltCorpus.read(origin.dir());
        TextVocabulary source = vocabulary(corpus.vocabEn(), sourceVocabularySize);
        TextVocabulary target = vocabulary(corpus.vocabVi(), targetVocabularySize);
        List<IwsltCorpus.Pair> pairs = corpus.splits().of(usage());
        List<int[]> sources = new ArrayList<>(pairs.size());
        List<int[]> targetsIn = new ArrayList<>(pairs.size());
        List<int[]> targetsOut = new ArrayList<>(pairs.size());
        List<List<String>> refs = new ArrayList<>(pairs.size());
        for (IwsltCorpus.Pair pair : pairs) {
            sources.add(source.encode(pair.english()));
            int[] y = target.encode(pair.vietnamese());
            targetsIn.add(framed(TextVocabulary.BOS_ID, y, 0));
            targetsOut.add(framed(-1, y, TextVocabulary.EOS_ID));
            refs.add(pair.vietnamese().stream().map(HtmlEntities::decode).collect(Collectors.toList()));
        }
        int sourceLength = maxSourceLength > 0 ? maxSourceLength
                : Math.max(1, sources.stream().mapToInt(ids -> ids.length).max().orElse(1));
        PaddedSequences src = PaddedSequences.of(sources, sourceLength);
        PaddedSequences in = PaddedSequences.of(targetsIn, maxTargetLength);
        PaddedSequences out = PaddedSequences.of(targetsOut, maxTargetLength);
        NDArray targetLengths = in.lengthsArray(manager); // (N)
        sourceVocabulary = source;
        targetVocabulary = target;
        references = List.copyOf(refs);
        return new Loaded(
                new NDArray[] {src.idsArray(manager), src.lengthsArray(manager), in.idsArray(manager), targetLengths},
                new NDArray[] {out.idsArray(manager), targetLengths},
                new DataProvenance(TaskId.IWSLT15_EN_VI.id(), origin.kind(), origin.sourceName(), corpus.checksum(), corpus.splits().sizes()));
    }

    /**
     * Returns the English (source) vocabulary; valid once prepared.
     *
     * @return the vocabulary
     */
    public TextVocabulary sourceVocabulary() {
        provenance();
        return sourceVocabulary;
    }

    /**
     * Returns the Vietnamese (target) vocabulary; valid once prepared.
     *
     * @return the vocabulary
     */
    public TextVocabulary targetVocabulary() {
        provenance();
        return targetVocabulary;
    }

    /**
     * Returns this split's reference translations as tokens with entities decoded, uncut and with unknown
     * words kept, for BLEU; valid once prepared.
     *
     * @return one token list per record, in record order
     */
    public List<List<String>> references() {
        provenance();
        return references;
    }

    /**
     * Turns target ids into text for people: tokens joined by spaces with HTML entities decoded, stopping at
     * {@code <eos>} and leaving out padding.
     *
     * @param ids target token ids
     * @return the sentence
     */
    public String detokenize(int[] ids) {
        return tokenizer().buildSentence(targetVocabulary().decode(ids));
    }

    private static TextVocabulary vocabulary(List<String> fileTokens, int maxSize) {
        List<String> tokens = fileTokens.stream().filter(t -> !FILE_SPECIALS.contains(t)).collect(Collectors.toList());
        return TextVocabulary.ofOrderedTokens(tokens, maxSize);
    }

    private static int[] framed(int first, int[] body, int last) {
        int[] out = new int[body.length + 1];
        if (first >= 0) {
            out[0] = first;
            System.arraycopy(body, 0, out, 1, body.length);
        } else {
            System.arraycopy(body, 0, out, 0, body.length);
            out[body.length] = last;
        }
        return out;
    }

    /** A builder of {@link IwsltDataset}s. */
    public static final class Builder extends TextTaskDataset.Builder<Builder> {

        private int sourceVocabularySize = Integer.MAX_VALUE;
        private int targetVocabularySize = Integer.MAX_VALUE;
        private int maxSourceLength = 50;
        private int maxTargetLength = 50;

        private Builder() {}

        /** {@inheritDoc} */
        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Limits the English vocabulary, special tokens included (default: the whole {@code vocab.en}).
         *
         * @param size at least 4
         * @return this builder
         */
        public Builder optSourceVocabularySize(int size) {
            this.sourceVocabularySize = size;
            return this;
        }

        /**
         * Limits the Vietnamese vocabulary, special tokens included (default: the whole {@code vocab.vi}).
         *
         * @param size at least 4
         * @return this builder
         */
        public Builder optTargetVocabularySize(int size) {
            this.targetVocabularySize = size;
            return this;
        }

        /**
         * Sets the fixed source length Ls (default 50); longer sources are cut. 0 pads every source to the split's
         * longest and cuts none, as a test set is translated.
         *
         * @param length at least 1, or 0 for the longest source
         * @return this builder
         */
        public Builder optMaxSourceLength(int length) {
            this.maxSourceLength = length;
            return this;
        }

        /**
         * Sets the fixed target length Lt, counting {@code <bos>} or {@code <eos>} (default 50).
         *
         * @param length at least 2
         * @return this builder
         */
        public Builder optMaxTargetLength(int length) {
            this.maxTargetLength = length;
            return this;
        }

        /**
         * Builds the data set; call {@link IwsltDataset#prepare()} to load it.
         *
         * @return the data set
         * @throws IllegalArgumentException naming a setting out of range
         */
        public IwsltDataset build() {
            validate();
            if (sourceVocabularySize < 4 || targetVocabularySize < 4) {
                throw new IllegalArgumentException(
                        "source and target vocabulary sizes must be at least 4, got " + sourceVocabularySize + " and "
                                + targetVocabularySize);
            }
            if (maxSourceLength < 0 || maxTargetLength < 2) {
                throw new IllegalArgumentException(
                        "maxSourceLength must be at least 0 (0 = the longest) and maxTargetLength at least 2, got " + maxSourceLength
                                + " and " + maxTargetLength);
            }
            return new IwsltDataset(this);
        }
    }
}
