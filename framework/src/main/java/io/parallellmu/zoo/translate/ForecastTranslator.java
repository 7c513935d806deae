package io.parallellmu.zoo.translate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.parallellmu.zoo.Forecast;

/**
 * A causal forecaster (Mackey-Glass) on a history window: the window, normalised with the stored mean and
 * standard deviation, runs through the model, and its output at the last step, mapped back to the series' units,
 * is the forecast {@code horizon} steps after the window's last value.
 */
public final class ForecastTranslator implements Translator<float[], Float> {

    private final String artifact;
    private final Forecast task;

    /**
     * Creates the translator.
     *
     * @param artifact the artifact id, for error messages
     * @param task the artifact's metadata, a {@link Forecast}
     */
    public ForecastTranslator(String artifact, Forecast task) {
        this.artifact = artifact;
        this.task = task;
    }

    /** {@inheritDoc} */
    @Override
    public NDList processInput(TranslatorContext ctx, float[] input) throws TranslateException {
        return inputs(ctx, artifact, task, input, 1);
    }

    /**
     * Returns a history's model input: each value normalised as the metadata says.
     *
     * @param ctx the prediction's context
     * @param artifact the artifact id, for error messages
     * @param task the artifact's metadata
     * @param history the raw history
     * @param minLength the fewest values the translator needs
     * @return {@code [(L, 1)]}, stacked into a batch of one
     * @throws TranslateException if the history is shorter than {@code minLength} or holds a value that is not
     *     finite, naming the step
     */
    static NDList inputs(TranslatorContext ctx, String artifact, Forecast task, float[] history, int minLength)
            throws TranslateException {
        if (history == null || history.length < minLength) {
            throw new TranslateException(artifact + " expects a history window of at least " + minLength
                    + (minLength == 1 ? " value" : " values") + ", got " + (history == null ? "none"
                    : history.length == 0 ? "none" : history.length));
        }
        float[] normalised = new float[history.length];
        for (int t = 0; t < history.length; t++) {
            if (!Float.isFinite(history[t])) {
                throw new TranslateException(artifact + " expects finite history values, got " + history[t]
                        + " at step " + t);
            }
            normalised[t] = task.toModel(history[t]);
        }
        return new NDList(ctx.getNDManager().create(normalised).reshape(history.length, 1)); // (L, 1)
    }

    /** {@inheritDoc} */
    @Override
    public Float processOutput(TranslatorContext ctx, NDList list) {
        NDArray out = list.singletonOrThrow(); // (L, 1) per step, or (1) for a summary model
        float[] values = out.toFloatArray();
        return task.fromModel(values[values.length - 1]);
    }

    /** {@inheritDoc} */
    @Override
    public Batchifier getBatchifier() {
        return Batchifier.STACK;
    }
}
