package io.parallellmu.models;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import java.util.Random;

/**
 * Tiny, genuinely learnable versions of each task kind, generated from a seed. Every rule needs the model to use
 * the sequence (none is solvable from one fixed position by a constant guess), and each has a known chance level.
 */
final class LearningTasks {

    static final int PAD = 0;
    static final int BOS = 1;
    static final int EOS = 2;

    private LearningTasks() {}

    private static ArrayDataset.Builder sampled(int batch) {
        return new ArrayDataset.Builder().setSampling(batch, true);
    }

    /**
     * Sequences of uniform values in [−1, 1]; the label is whether the mean of the first 4 values exceeds the mean of
     * the last 4, so the model must carry the start of the sequence to its end. Chance 0.5.
     */
    static ArrayDataset earlyVersusLate(NDManager manager, int size, int length, long seed) {
        Random random = new Random(seed);
        float[] x = new float[size * length];
        long[] y = new long[size];
        for (int i = 0; i < size; i++) {
            float difference = 0;
            for (int t = 0; t < length; t++) {
                float value = random.nextFloat() * 2 - 1;
                x[i * length + t] = value;
                difference += t < 4 ? value : t >= length - 4 ? -value : 0;
            }
            y[i] = difference > 0 ? 1 : 0;
        }
        return sampled(32).setData(manager.create(x, new Shape(size, length, 1))).optLabels(manager.create(y)).build();
    }

    /** x_t = sin(ωt + φ); the target at every step is x_{t+3}. ω ∈ [0.2, 0.4], φ uniform. */
    static ArrayDataset sineAhead(NDManager manager, int size, int length, long seed) {
        Random random = new Random(seed);
        float[] x = new float[size * length];
        float[] y = new float[size * length];
        for (int i = 0; i < size; i++) {
            double omega = 0.2 + 0.2 * random.nextDouble();
            double phase = 2 * Math.PI * random.nextDouble();
            for (int t = 0; t < length; t++) {
                x[i * length + t] = (float) Math.sin(omega * t + phase);
                y[i * length + t] = (float) Math.sin(omega * (t + 3) + phase);
            }
        }
        Shape shape = new Shape(size, length, 1);
        return sampled(32).setData(manager.create(x, shape)).optLabels(manager.create(y, shape)).build();
    }

    /** The arrays of a pair-classification set being generated, in the pair models' input layout. */
    private static final class PairArrays {
        final int maxLength;
        final long[] a;
        final long[] b;
        final long[] aLengths;
        final long[] bLengths;
        final long[] labels;

        PairArrays(int size, int maxLength) {
            this.maxLength = maxLength;
            a = new long[size * maxLength];
            b = new long[size * maxLength];
            aLengths = new long[size];
            bLengths = new long[size];
            labels = new long[size];
        }

        /** Data [a (N, L), aLengths (N), b (N, L), bLengths (N)], labels (N), in shuffled batches of 32. */
        ArrayDataset toDataset(NDManager manager) {
            Shape shape = new Shape(labels.length, maxLength);
            return sampled(32)
                    .setData(manager.create(a, shape), manager.create(aLengths), manager.create(b, shape),
                            manager.create(bLengths))
                    .optLabels(manager.create(labels))
                    .build();
        }
    }

    /**
     * Pairs of padded sentences (lengths 3–6) of filler tokens 6–11, each holding one marker token from 3–5 at a
     * random position; the label is whether both sentences hold the same marker (balanced, so chance is 0.5).
     */
    static ArrayDataset sameMarker(NDManager manager, int size, long seed) {
        Random random = new Random(seed);
        int maxLength = 6;
        PairArrays pairs = new PairArrays(size, maxLength);
        for (int i = 0; i < size; i++) {
            int marker = 3 + random.nextInt(3);
            boolean same = random.nextBoolean();
            int other = same ? marker : 3 + (marker - 3 + 1 + random.nextInt(2)) % 3;
            pairs.aLengths[i] = fillSentence(random, pairs.a, i * maxLength, maxLength, marker);
            pairs.bLengths[i] = fillSentence(random, pairs.b, i * maxLength, maxLength, other);
            pairs.labels[i] = same ? 1 : 0;
        }
        return pairs.toDataset(manager);
    }

    /**
     * Role swaps in two voices: each sentence states "agent verb patient" (active) or "patient was verb by agent"
     * (passive), with people 3–8, verbs 9–11, "was" 12 and "by" 13, after 0–2 filler tokens (14–15), padded to 7.
     * The second sentence of a pair states the same event or the event with agent and patient swapped (balanced),
     * each sentence with its own voice and fillers; the label is whether the roles agree. Both sentences of every
     * pair hold the same people and verb, so a model blind to word order stays at chance, 0.5.
     */
    static ArrayDataset roleSwap(NDManager manager, int size, long seed) {
        Random random = new Random(seed);
        PairArrays pairs = new PairArrays(size, 7);
        for (int i = 0; i < size; i++) {
            int agent = 3 + random.nextInt(6);
            int patient = 3 + (agent - 3 + 1 + random.nextInt(5)) % 6;
            int verb = 9 + random.nextInt(3);
            boolean same = random.nextBoolean();
            int offset = i * pairs.maxLength;
            pairs.aLengths[i] = fillEvent(random, pairs.a, offset, agent, verb, patient);
            pairs.bLengths[i] = same ? fillEvent(random, pairs.b, offset, agent, verb, patient)
                    : fillEvent(random, pairs.b, offset, patient, verb, agent);
            pairs.labels[i] = same ? 1 : 0;
        }
        return pairs.toDataset(manager);
    }

    private static int fillEvent(Random random, long[] into, int offset, int agent, int verb, int patient) {
        int t = offset;
        for (int fillers = random.nextInt(3); fillers > 0; fillers--) {
            into[t++] = 14 + random.nextInt(2);
        }
        long[] clause = random.nextBoolean() ? new long[] {agent, verb, patient}
                : new long[] {patient, 12, verb, 13, agent};
        for (long token : clause) {
            into[t++] = token;
        }
        return t - offset;
    }

    private static int fillSentence(Random random, long[] into, int offset, int maxLength, int marker) {
        int length = 3 + random.nextInt(maxLength - 2);
        int markerAt = random.nextInt(length);
        for (int t = 0; t < length; t++) {
            into[offset + t] = t == markerAt ? marker : 6 + random.nextInt(6);
        }
        return length;
    }

    /**
     * Copy translation: sources of 2–5 tokens from 3–9; the target is the same tokens. Data:
     * [source, sourceLengths, targetIn = &lt;bos&gt; y, targetLengths]; labels: [targetOut = y &lt;eos&gt;, targetLengths].
     */
    static ArrayDataset copy(NDManager manager, int size, long seed) {
        Random random = new Random(seed);
        int maxSource = 5;
        int maxTarget = maxSource + 1;
        long[] source = new long[size * maxSource];
        long[] sourceLengths = new long[size];
        long[] targetIn = new long[size * maxTarget];
        long[] targetOut = new long[size * maxTarget];
        long[] targetLengths = new long[size];
        for (int i = 0; i < size; i++) {
            int length = 2 + random.nextInt(maxSource - 1);
            sourceLengths[i] = length;
            targetLengths[i] = length + 1;
            targetIn[i * maxTarget] = BOS;
            for (int t = 0; t < length; t++) {
                long token = 3 + random.nextInt(7);
                source[i * maxSource + t] = token;
                targetIn[i * maxTarget + t + 1] = token;
                targetOut[i * maxTarget + t] = token;
            }
            targetOut[i * maxTarget + length] = EOS;
        }
        return sampled(32)
                .setData(manager.create(source, new Shape(size, maxSource)), manager.create(sourceLengths),
                        manager.create(targetIn, new Shape(size, maxTarget)), manager.create(targetLengths))
                .optLabels(manager.create(targetOut, new Shape(size, maxTarget)), manager.create(targetLengths))
                .build();
    }

    /** Windows of 16 characters of the repeated text "the cat " (6 symbols); labels are the next characters. */
    static ArrayDataset repetitiveText(NDManager manager, int size, long seed) {
        String text = "the cat ";
        String alphabet = " acehtx"; // ids 0..6; 'x' never occurs
        Random random = new Random(seed);
        int length = 16;
        long[] x = new long[size * length];
        long[] y = new long[size * length];
        for (int i = 0; i < size; i++) {
            int start = random.nextInt(text.length());
            for (int t = 0; t < length; t++) {
                x[i * length + t] = alphabet.indexOf(text.charAt((start + t) % text.length()));
                y[i * length + t] = alphabet.indexOf(text.charAt((start + t + 1) % text.length()));
            }
        }
        return sampled(32).setData(manager.create(x, new Shape(size, length))).optLabels(manager.create(y, new Shape(size, length))).build();
    }
}
