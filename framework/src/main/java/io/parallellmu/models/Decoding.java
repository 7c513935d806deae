package io.parallellmu.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.parallellmu.nn.transformer.Scopes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Autoregressive decoding for {@link Seq2SeqModel}s: greedy and beam search, with a maximum length and
 * {@code <eos>} handling. Returned token lists hold neither {@code <bos>} nor {@code <eos>}.
 *
 * <p>Each step re-runs the decoder over the whole prefix (the decoders are causal, so this gives exactly the
 * teacher-forced outputs). That costs O(t) per step; an incremental decoder would make it O(1) for the LMU.
 */
public final class Decoding {

    private Decoding() {}

    /**
     * Greedy decoding of a batch: at each step take the most likely next token.
     *
     * @param model the translator
     * @param parameterStore its parameters
     * @param source token ids (B, Ls)
     * @param sourceLengths valid lengths (B)
     * @param bos the {@code <bos>} id that starts every target
     * @param eos the {@code <eos>} id that ends a hypothesis
     * @param maxLength most generated tokens per sentence
     * @return per sentence, the generated ids before {@code <eos>}
     */
    public static List<long[]> greedy(Seq2SeqModel model, ParameterStore parameterStore, NDArray source,
            NDArray sourceLengths, long bos, long eos, int maxLength) {
        ConfigChecks.positive("maxLength", maxLength);
        int batch = (int) source.getShape().get(0);
        List<List<Long>> generated = new ArrayList<>();
        boolean[] finished = new boolean[batch];
        try (NDManager scope = source.getManager().newSubManager()) {
            Scopes.attach(scope, new NDList(source, sourceLengths));
            NDList encoded = model.encode(parameterStore, source, sourceLengths);
            long[][] prefixes = new long[batch][];
            for (int b = 0; b < batch; b++) {
                prefixes[b] = new long[] {bos};
                generated.add(new ArrayList<>());
            }
            for (int t = 0; t < maxLength && !allTrue(finished); t++) {
                long[] next = argMax(nextTokenLogProbabilities(model, parameterStore, encoded, scope, prefixes));
                for (int b = 0; b < batch; b++) {
                    if (!finished[b]) {
                        finished[b] = next[b] == eos;
                        if (!finished[b]) {
                            generated.get(b).add(next[b]);
                        }
                    }
                    prefixes[b] = append(prefixes[b], next[b]);
                }
            }
        }
        List<long[]> out = new ArrayList<>();
        generated.forEach(tokens -> out.add(tokens.stream().mapToLong(Long::longValue).toArray()));
        return out;
    }

    /**
     * Beam search over each sentence of a batch, one sentence at a time.
     *
     * @param model the translator
     * @param parameterStore its parameters
     * @param source token ids (B, Ls)
     * @param sourceLengths valid lengths (B)
     * @param bos the {@code <bos>} id
     * @param eos the {@code <eos>} id
     * @param settings beam size, length penalty and maximum length
     * @return per sentence, the best hypothesis's ids before {@code <eos>}
     */
    public static List<long[]> beamSearch(Seq2SeqModel model, ParameterStore parameterStore, NDArray source,
            NDArray sourceLengths, long bos, long eos, BeamSettings settings) {
        List<long[]> out = new ArrayList<>();
        for (int b = 0; b < source.getShape().get(0); b++) {
            try (NDManager scope = source.getManager().newSubManager()) {
                NDArray one = source.get(b).expandDims(0); // (1, Ls)
                NDArray length = sourceLengths.get(b).expandDims(0); // (1)
                Scopes.attach(scope, new NDList(one, length));
                NDList encoded = model.encode(parameterStore, one, length);
                out.add(searchOne(model, parameterStore, encoded, scope, bos, eos, settings));
            }
        }
        return out;
    }

    private record Hypothesis(long[] tokens, double logProbability) {}

    private record Candidate(int beam, long token, double logProbability) {}

    private static long[] searchOne(Seq2SeqModel model, ParameterStore parameterStore, NDList encoded,
            NDManager scope, long bos, long eos, BeamSettings settings) {
        List<Hypothesis> beams = List.of(new Hypothesis(new long[] {bos}, 0));
        Hypothesis best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int finished = 0;
        for (int t = 1; t <= settings.maxLength() && finished < settings.beamSize() && !beams.isEmpty(); t++) {
            long[][] prefixes = beams.stream().map(Hypothesis::tokens).toArray(long[][]::new);
            int width = beams.size();
            NDList repeated = new NDList();
            encoded.forEach(array -> repeated.add(array.repeat(0, width)));
            float[][] logProbabilities = nextTokenLogProbabilities(model, parameterStore, repeated, scope, prefixes);
            repeated.close();
            List<Hypothesis> next = new ArrayList<>();
            for (Candidate c : topCandidates(beams, logProbabilities, 2 * settings.beamSize())) {
                long[] tokens = append(beams.get(c.beam()).tokens(), c.token());
                boolean ended = c.token() == eos || t == settings.maxLength();
                if (ended) {
                    double score = settings.normalise(c.logProbability(), t);
                    if (score > bestScore) {
                        bestScore = score;
                        best = new Hypothesis(tokens, c.logProbability());
                    }
                    finished++;
                } else if (next.size() < settings.beamSize()) {
                    next.add(new Hypothesis(tokens, c.logProbability()));
                }
            }
            beams = next;
        }
        long[] tokens = best.tokens();
        int end = tokens[tokens.length - 1] == eos ? tokens.length - 1 : tokens.length;
        return Arrays.copyOfRange(tokens, 1, end);
    }

    private static List<Candidate> topCandidates(List<Hypothesis> beams, float[][] logProbabilities, int count) {
        PriorityQueue<Candidate> heap = new PriorityQueue<>(Comparator.comparingDouble(Candidate::logProbability));
        for (int k = 0; k < beams.size(); k++) {
            for (int v = 0; v < logProbabilities[k].length; v++) {
                double score = beams.get(k).logProbability() + logProbabilities[k][v];
                if (heap.size() < count) {
                    heap.add(new Candidate(k, v, score));
                } else if (score > heap.peek().logProbability()) {
                    heap.poll();
                    heap.add(new Candidate(k, v, score));
                }
            }
        }
        List<Candidate> sorted = new ArrayList<>(heap);
        sorted.sort(Comparator.comparingDouble(Candidate::logProbability).reversed());
        return sorted;
    }

    /** Returns log P(next token | prefix) for each prefix, as (N, V) in Java; temporaries die with a step scope. */
    private static float[][] nextTokenLogProbabilities(Seq2SeqModel model, ParameterStore parameterStore,
            NDList encoded, NDManager scope, long[][] prefixes) {
        int n = prefixes.length;
        int t = prefixes[0].length;
        long[] flat = new long[n * t];
        for (int i = 0; i < n; i++) {
            System.arraycopy(prefixes[i], 0, flat, i * t, t);
        }
        try (NDManager step = scope.newSubManager()) {
            NDArray prefix = step.create(flat, new Shape(n, t)).toDevice(encoded.get(0).getDevice(), false);
            Scopes.attach(step, encoded);
            NDArray logits = model.decode(parameterStore, encoded, prefix, false); // (N, t, V)
            NDArray last = logits.get(":, -1, :").logSoftmax(-1); // (N, V)
            int vocabulary = (int) last.getShape().get(1);
            float[] values = last.toFloatArray();
            float[][] rows = new float[n][];
            for (int i = 0; i < n; i++) {
                rows[i] = Arrays.copyOfRange(values, i * vocabulary, (i + 1) * vocabulary);
            }
            return rows;
        }
    }

    private static long[] argMax(float[][] rows) {
        long[] best = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int v = 1; v < rows[i].length; v++) {
                if (rows[i][v] > rows[i][(int) best[i]]) {
                    best[i] = v;
                }
            }
        }
        return best;
    }

    private static long[] append(long[] tokens, long token) {
        long[] out = Arrays.copyOf(tokens, tokens.length + 1);
        out[tokens.length] = token;
        return out;
    }

    private static boolean allTrue(boolean[] flags) {
        for (boolean flag : flags) {
            if (!flag) {
                return false;
            }
        }
        return true;
    }
}
