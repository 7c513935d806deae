package io.parallellmu.benchmarks.tasks;

import java.util.Locale;

/**
 * How much of a task's data a profile uses and how long it trains: immutable, and spelled out in the run's
 * config name so that every result says exactly what produced it.
 *
 * @param trainLimit most training records (for Mackey-Glass: training series); 0 for all
 * @param validationLimit most validation records; 0 for all
 * @param testLimit most test records; 0 for all
 * @param length the sequence length where the task lets it be chosen: psMNIST's pooled length (784 = the full
 *     image, 196 = 2×2-pooled), Mackey-Glass's series length, the fixed (padded) length of the word tasks and of
 *     both translation sides, text8's window
 * @param vocabulary the largest token vocabulary of the word tasks and of each translation side (ignored
 *     elsewhere)
 * @param batchSize the training batch size
 * @param epochs the number of epochs
 * @param learningRate Adam's peak learning rate (warm-up over 5% of the steps, then cosine decay to 1/20)
 * @param beamWidth translation only: 0 to translate the test split greedily, with its sources cut to
 *     {@code length}; otherwise beam search of this width, length-normalised, on the uncut test sources
 */
public record TaskSettings(int trainLimit, int validationLimit, int testLimit, int length, int vocabulary,
        int batchSize, int epochs, float learningRate, int beamWidth) {

    /**
     * Settings with greedy decoding (for the tasks that decode at all).
     *
     * @param trainLimit most training records; 0 for all
     * @param validationLimit most validation records; 0 for all
     * @param testLimit most test records; 0 for all
     * @param length the sequence length where the task lets it be chosen
     * @param vocabulary the largest token vocabulary
     * @param batchSize the training batch size
     * @param epochs the number of epochs
     * @param learningRate Adam's peak learning rate
     */
    public TaskSettings(int trainLimit, int validationLimit, int testLimit, int length, int vocabulary, int batchSize,
            int epochs, float learningRate) {
        this(trainLimit, validationLimit, testLimit, length, vocabulary, batchSize, epochs, learningRate, 0);
    }

    /** Checks the ranges. */
    public TaskSettings {
        if (trainLimit < 0 || validationLimit < 0 || testLimit < 0) {
            throw new IllegalArgumentException("limits must be at least 0 (0 = all), got " + trainLimit + "/"
                    + validationLimit + "/" + testLimit);
        }
        if (beamWidth < 0) {
            throw new IllegalArgumentException("beamWidth must be at least 0 (0 = greedy), got " + beamWidth);
        }
        if (length < 1 || vocabulary < 4 || batchSize < 1 || epochs < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("length, batchSize and epochs must be at least 1, vocabulary at least 4"
                    + " and learningRate positive, got " + length + ", " + batchSize + ", " + epochs + ", " + vocabulary
                    + ", " + learningRate);
        }
    }

    /**
     * Starts named settings, so that a profile reads {@code limits(8000, 1000, 1000).length(49).vocabulary(4)
     * .batchSize(100).epochs(30).learningRate(0.01f)} rather than eight bare numbers.
     *
     * @param train the most training examples used (0 = all)
     * @param validation the most validation examples used (0 = all)
     * @param test the most test examples used (0 = all)
     * @return the next step
     */
    public static Named limits(int train, int validation, int test) {
        return new Named(train, validation, test);
    }

    /**
     * The settings being named, one at a time and in a fixed order, by {@link #limits}; {@link #learningRate}, the
     * last, returns the settings.
     */
    public static final class Named {
        private final int train;
        private final int validation;
        private final int test;
        private int length;
        private int vocabulary;
        private int batchSize;
        private int epochs;

        private Named(int train, int validation, int test) {
            this.train = train;
            this.validation = validation;
            this.test = test;
        }

        /**
         * Names the sequence length (for text, the most tokens per example).
         *
         * @param steps L
         * @return this
         */
        public Named length(int steps) {
            this.length = steps;
            return this;
        }

        /**
         * Names the vocabulary limit (4 for real-valued inputs).
         *
         * @param size the most token ids
         * @return this
         */
        public Named vocabulary(int size) {
            this.vocabulary = size;
            return this;
        }

        /**
         * Names the batch size.
         *
         * @param size B
         * @return this
         */
        public Named batchSize(int size) {
            this.batchSize = size;
            return this;
        }

        /**
         * Names the number of epochs.
         *
         * @param count the epochs
         * @return this
         */
        public Named epochs(int count) {
            this.epochs = count;
            return this;
        }

        /**
         * Names the peak learning rate, the last setting.
         *
         * @param rate the rate
         * @return the validated settings
         */
        public TaskSettings learningRate(float rate) {
            return new TaskSettings(train, validation, test, length, vocabulary, batchSize, epochs, rate);
        }
    }

    /**
     * Returns these settings with another number of epochs, for a family that trains for longer or shorter on the
     * same data.
     *
     * @param otherEpochs the epochs
     * @return the settings
     */
    public TaskSettings withEpochs(int otherEpochs) {
        return new TaskSettings(trainLimit, validationLimit, testLimit, length, vocabulary, batchSize, otherEpochs,
                learningRate, beamWidth);
    }

    /**
     * Returns these settings with the test split translated by beam search of a width, on uncut sources.
     *
     * @param width the beam width, at least 1
     * @return the settings
     */
    public TaskSettings withBeamSearch(int width) {
        if (width < 1) {
            throw new IllegalArgumentException("the beam width must be at least 1, got " + width);
        }
        return new TaskSettings(trainLimit, validationLimit, testLimit, length, vocabulary, batchSize, epochs,
                learningRate, width);
    }

    /**
     * Tells whether two settings load the same data (limits, length, vocabulary and batch size), so that one loaded
     * copy serves both.
     *
     * @param other the other settings
     * @return whether only the training length or learning rate differ
     */
    public boolean sameData(TaskSettings other) {
        return withEpochs(1).equals(new TaskSettings(other.trainLimit, other.validationLimit, other.testLimit,
                other.length, other.vocabulary, other.batchSize, 1, learningRate, other.beamWidth));
    }

    /**
     * Describes the settings in a few characters, for config names.
     *
     * @return for example {@code n=2000/500/500 L=196 V=8000 b=50 e=3 lr=0.003}, with {@code beam=10} after it
     *     where the test is decoded by beam search
     */
    public String describe() {
        return String.format(Locale.ROOT, "n=%s/%s/%s L=%d V=%d b=%d e=%d lr=%s", limit(trainLimit),
                limit(validationLimit), limit(testLimit), length, vocabulary, batchSize, epochs, learningRate)
                + (beamWidth > 0 ? " beam=" + beamWidth : "");
    }

    private static String limit(int value) {
        return value == 0 ? "all" : Integer.toString(value);
    }
}
