package io.parallellmu.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
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
 * <p>A model that {@link Seq2SeqModel#decodesStepByStep() decodes step by step} (the LMU translator) advances a
 * carried decoder state by one token per step, O(1) in the prefix length; beam search reorders the state rows to
 * follow the surviving hypotheses. Other models re-run the decoder over the whole prefix at each step, O(t); both
 * give the teacher-forced outputs, since the decoders are causal.
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
        return greedy(model, parameterStore, source, sourceLengths, bos, eos, maxLength, model.decodesStepByStep());
    }

    /** Greedy decoding, step by step or over whole prefixes; tests compare the two. */
    static List<long[]> greedy(Seq2SeqModel model, ParameterStore parameterStore, NDArray source,
            NDArray sourceLengths, long bos, long eos, int maxLength, boolean stepByStep) {
        ConfigChecks.positive("maxLength", maxLength);
        int batch = (int) source.getShape().get(0);
        List<List<Long>> generated = new ArrayList<>();
        boolean[] finished = new boolean[batch];
        try (NDManager scope = source.getManager().newSubManager()) {
            Scopes.attach(scope, new NDList(source, sourceLengths));
            NDList encoded = model.encode(parameterStore, source, sourceLengths);
            NextToken scorer = scorer(model, parameterStore, encoded, scope, stepByStep);
            long[][] prefixes = new long[batch][];
            int[] rows = new int[batch];
            for (int b = 0; b < batch; b++) {
                prefixes[b] = new long[] {bos};
                rows[b] = b;
                generated.add(new ArrayList<>());
            }
            for (int t = 0; t < maxLength && !allTrue(finished); t++) {
                long[] next = argMax(scorer.logProbabilities(encoded, prefixes, rows));
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
        return beamSearch(model, parameterStore, source, sourceLengths, bos, eos, settings, model.decodesStepByStep());
    }

    /** Beam search, step by step or over whole prefixes; tests compare the two. */
    static List<long[]> beamSearch(Seq2SeqModel model, ParameterStore parameterStore, NDArray source,
            NDArray sourceLengths, long bos, long eos, BeamSettings settings, boolean stepByStep) {
        List<long[]> out = new ArrayList<>();
        for (int b = 0; b < source.getShape().get(0); b++) {
            try (NDManager scope = source.getManager().newSubManager()) {
                Scopes.attach(scope, new NDList(source, sourceLengths)); // so the slices below die with the scope
                NDArray one = source.get(b).expandDims(0); // (1, Ls)
                NDArray length = sourceLengths.get(b).expandDims(0); // (1)
                NDList encoded = model.encode(parameterStore, one, length);
                NextToken scorer = scorer(model, parameterStore, encoded, scope, stepByStep);
                out.add(searchOne(scorer, encoded, bos, eos, settings));
            }
        }
        return out;
    }

    /** A partial translation; {@code row} is the row of the previous scoring step it extends. */
    private record Hypothesis(long[] tokens, double logProbability, int row) {}

    private record Candidate(int beam, long token, double logProbability) {}

    private static long[] searchOne(NextToken scorer, NDList encoded, long bos, long eos, BeamSettings settings) {
        List<Hypothesis> beams = List.of(new Hypothesis(new long[] {bos}, 0, 0));
        Hypothesis best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int finished = 0;
        for (int t = 1; t <= settings.maxLength() && finished < settings.beamSize() && !beams.isEmpty(); t++) {
            long[][] prefixes = beams.stream().map(Hypothesis::tokens).toArray(long[][]::new);
            int[] rows = beams.stream().mapToInt(Hypothesis::row).toArray();
            int width = beams.size();
            NDList repeated = new NDList();
            encoded.forEach(array -> repeated.add(array.repeat(0, width)));
            float[][] logProbabilities = scorer.logProbabilities(repeated, prefixes, rows);
            repeated.close();
            List<Hypothesis> next = new ArrayList<>();
            for (Candidate c : topCandidates(beams, logProbabilities, 2 * settings.beamSize())) {
                long[] tokens = append(beams.get(c.beam()).tokens(), c.token());
                boolean ended = c.token() == eos || t == settings.maxLength();
                if (ended) {
                    double score = settings.normalise(c.logProbability(), t);
                    if (score > bestScore) {
                        bestScore = score;
                        best = new Hypothesis(tokens, c.logProbability(), c.beam());
                    }
                    finished++;
                } else if (next.size() < settings.beamSize()) {
                    next.add(new Hypothesis(tokens, c.logProbability(), c.beam()));
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

    /** Gives log P(next token | hypothesis) for a set of hypotheses that grow by one token per call. */
    private interface NextToken {

        /**
         * Scores the next token of each hypothesis.
         *
         * @param encoded the encoder state, one row per hypothesis
         * @param prefixes each hypothesis's tokens so far, all of the same length, starting with {@code <bos>}
         * @param rows for each hypothesis, the row of the previous call's hypotheses that it extends by its last
         *     token (0 on the first call)
         * @return (N, V) log-probabilities, in Java
         */
        float[][] logProbabilities(NDList encoded, long[][] prefixes, int[] rows);
    }

    private static NextToken scorer(Seq2SeqModel model, ParameterStore parameterStore, NDList encoded, NDManager scope,
            boolean stepByStep) {
        if (stepByStep) {
            return new StepByStep(model, parameterStore, model.initialDecoderState(encoded), scope);
        }
        return (repeated, prefixes, rows) -> overPrefixes(model, parameterStore, repeated, scope, prefixes);
    }

    /** Re-runs the decoder over the whole prefixes, O(t) per step; temporaries die with a step scope. */
    private static float[][] overPrefixes(Seq2SeqModel model, ParameterStore parameterStore, NDList encoded,
            NDManager scope, long[][] prefixes) {
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
            return rowsOf(logits.get(":, -1, :").logSoftmax(-1)); // (N, V)
        }
    }

    /**
     * Advances the model's decoder state by each hypothesis's last token, O(1) per step. The state lives in the
     * search's scope; each call first gathers the rows the surviving hypotheses extend.
     */
    private static final class StepByStep implements NextToken {

        private final Seq2SeqModel model;
        private final ParameterStore parameterStore;
        private final NDManager scope;
        private NDList state; // each (N, ...), one row per hypothesis of the previous call

        StepByStep(Seq2SeqModel model, ParameterStore parameterStore, NDList state, NDManager scope) {
            this.model = model;
            this.parameterStore = parameterStore;
            this.scope = scope;
            this.state = state;
            state.attach(scope);
        }

        @Override
        public float[][] logProbabilities(NDList encoded, long[][] prefixes, int[] rows) {
            int n = prefixes.length;
            long[] last = new long[n];
            long[] gather = new long[n];
            for (int i = 0; i < n; i++) {
                last[i] = prefixes[i][prefixes[i].length - 1];
                gather[i] = rows[i];
            }
            NDList previous = state;
            float[][] out;
            try (NDManager step = scope.newSubManager()) {
                Scopes.attach(step, encoded);
                Scopes.attach(step, previous);
                NDArray index = step.create(gather).toDevice(encoded.get(0).getDevice(), false); // (N)
                NDList current = new NDList();
                previous.forEach(array -> current.add(array.get(new NDIndex("{}", index)))); // (N, ...)
                NDArray tokens = step.create(last).toDevice(encoded.get(0).getDevice(), false); // (N)
                NDList result = model.decodeStep(parameterStore, encoded, current, tokens);
                out = rowsOf(result.head().logSoftmax(-1)); // (N, V)
                state = result.subNDList(1);
                state.attach(scope);
            }
            previous.close();
            return out;
        }
    }

    private static float[][] rowsOf(NDArray matrix) {
        int n = (int) matrix.getShape().get(0);
        int columns = (int) matrix.getShape().get(1);
        float[] values = matrix.toFloatArray();
        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = Arrays.copyOfRange(values, i * columns, (i + 1) * columns);
        }
        return rows;
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
