package io.parallellmu.datasets.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.parallellmu.datasets.DataProvenance;
import io.parallellmu.datasets.OfficialLayout;
import io.parallellmu.datasets.fetch.StandInSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The frame of a sentence-pair classification task (QQP, SNLI): one vocabulary built from both sentences of
 * the TRAIN split only (unless given); {@link #lengths()} gives the longer sentence of each pair. Tensors, all INT32: data is first-sentence ids (N, L), their lengths (N), second-sentence ids (N, L), their
 * lengths (N); labels are the classes (N).
 */
public abstract class SentencePairDataset extends WordTaskDataset {

    private final OfficialLayout official;
    private final StandInSource standIn;

    /**
     * Creates the data set.
     *
     * @param builder the settings
     * @param official the task's official layout
     * @param standIn the stand-in used when the official data is absent
     */
    protected SentencePairDataset(WordTaskBuilder<?> builder, OfficialLayout official, StandInSource standIn) {
        super(builder);
        this.official = official;
        this.standIn = standIn;
    }

    /**
     * A task's pairs in their three splits, with the checksum of the files they came from.
     *
     * @param splits the pairs
     * @param checksum the SHA-256 of the files read
     */
    public record PairCorpus(Splits<SentencePair> splits, String checksum) {}

    /**
     * Reads all splits from a directory in the official layout.
     *
     * @param origin where the files are
     * @return the pairs
     * @throws IOException if a file is malformed
     */
    protected abstract PairCorpus read(Origin origin) throws IOException;

    /** {@inheritDoc} */
    @Override
    protected final Loaded load(NDManager manager) throws IOException {
        Origin origin = resolve(official, standIn);
        PairCorpus corpus = read(origin);
        useVocabulary(corpus.splits().train().stream().flatMap(p -> Stream.of(p.first(), p.second())));
        List<SentencePair> pairs = corpus.splits().of(usage());
        List<int[]> first = new ArrayList<>(pairs.size());
        List<int[]> second = new ArrayList<>(pairs.size());
        int[] classes = new int[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            first.add(encode(pairs.get(i).first()));
            second.add(encode(pairs.get(i).second()));
            classes[i] = pairs.get(i).label();
        }
        PaddedSequences a = pad(first);
        PaddedSequences b = pad(second);
        int[] longer = a.lengths();
        int[] bLengths = b.lengths();
        for (int i = 0; i < longer.length; i++) {
            longer[i] = Math.max(longer[i], bLengths[i]);
        }
        recordLengths(longer); // the longer sentence of each pair
        return new Loaded(
                new NDArray[] {a.idsArray(manager), a.lengthsArray(manager), b.idsArray(manager), b.lengthsArray(manager)},
                new NDArray[] {manager.create(classes, new Shape(classes.length))}, // (N)
                new DataProvenance(official.task().id(), origin.kind(), origin.sourceName(), corpus.checksum(), corpus.splits().sizes()));
    }
}
