package io.parallellmu.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decoding against a bigram "model" whose next-token probabilities are a fixed table. */
class DecodingTest {

    private static final long BOS = 0;
    private static final long EOS = 1;
    private static final long A = 2;
    private static final long B = 3;

    /** A fixed bigram table as a Seq2SeqModel: log P(next | current), ignoring the source. */
    private static final class Bigram extends AbstractBlock implements Seq2SeqModel {
        private final NDArray logTable;

        Bigram(NDManager manager, float[][] probabilities) {
            float[] flat = new float[16];
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    flat[i * 4 + j] = (float) Math.log(Math.max(probabilities[i][j], 1e-9));
                }
            }
            logTable = manager.create(flat, new Shape(4, 4));
        }

        @Override
        public NDList encode(ParameterStore parameterStore, NDArray source, NDArray sourceLengths) {
            return new NDList(source.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).expandDims(-1), sourceLengths);
        }

        @Override
        public NDArray decode(ParameterStore parameterStore, NDList encoded, NDArray prefix, boolean training) {
            return Embedding.embedding(prefix, logTable, SparseFormat.DENSE).head(); // (N, t, 4)
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
            return new NDList(decode(ps, encode(ps, inputs.get(0), inputs.get(1)), inputs.get(2), training));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {inputShapes[2].add(4)};
        }
    }

    // After <bos>: a 0.6, b 0.4. After a: <eos> 0.4, a 0.3, b 0.3. After b: <eos> 0.9. Greedy takes a then <eos>
    // (P = 0.24); the best sequence is b <eos> (P = 0.36).
    private static final float[][] GARDEN_PATH = {
        {0, 0, 0.6f, 0.4f}, {0, 1, 0, 0}, {0, 0.4f, 0.3f, 0.3f}, {0, 0.9f, 0.05f, 0.05f}
    };

    private static List<long[]> greedy(NDManager manager, float[][] table, int maxLength) {
        Bigram model = new Bigram(manager, table);
        return Decoding.greedy(model, new ParameterStore(manager, false), manager.create(new long[][] {{5, 6}, {7, 8}}),
                manager.create(new long[] {2, 1}), BOS, EOS, maxLength);
    }

    @Test
    void greedyTakesTheLocallyBestTokenAndStopsAtEos() {
        try (NDManager manager = NDManager.newBaseManager()) {
            List<long[]> out = greedy(manager, GARDEN_PATH, 10);
            assertEquals(2, out.size());
            assertArrayEquals(new long[] {A}, out.get(0));
            assertArrayEquals(new long[] {A}, out.get(1));
        }
    }

    @Test
    void greedyStopsAtTheMaximumLengthWithoutEos() {
        float[][] loop = {{0, 0, 1, 0}, {0, 1, 0, 0}, {0, 0.1f, 0.9f, 0}, {0, 1, 0, 0}};
        try (NDManager manager = NDManager.newBaseManager()) {
            assertArrayEquals(new long[] {A, A, A}, greedy(manager, loop, 3).get(0));
        }
    }

    @Test
    void beamSearchFindsTheMoreLikelySequenceGreedyMisses() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Bigram model = new Bigram(manager, GARDEN_PATH);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray source = manager.create(new long[][] {{5, 6}});
            NDArray lengths = manager.create(new long[] {2});
            long[] beam2 = Decoding.beamSearch(model, store, source, lengths, BOS, EOS, new BeamSettings(2, 0, 10)).get(0);
            long[] beam1 = Decoding.beamSearch(model, store, source, lengths, BOS, EOS, new BeamSettings(1, 0, 10)).get(0);
            assertArrayEquals(new long[] {B}, beam2);
            assertArrayEquals(new long[] {A}, beam1); // a beam of one is greedy
        }
    }

    @Test
    void lengthPenaltyFollowsGnmt() {
        BeamSettings settings = new BeamSettings(4, 1.0, 10);
        assertEquals(-2.0, settings.normalise(-2.0, 1), 1e-12); // ((5 + 1) / 6)^1 = 1
        assertEquals(-1.0, settings.normalise(-2.0, 7), 1e-12); // ((5 + 7) / 6)^1 = 2
        assertEquals(-2.0, new BeamSettings(4, 0, 10).normalise(-2.0, 7), 1e-12);
    }
}
