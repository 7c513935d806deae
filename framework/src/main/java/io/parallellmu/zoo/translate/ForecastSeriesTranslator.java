package io.parallellmu.zoo.translate;

import ai.djl.ndarray.NDList;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.parallellmu.zoo.Forecast;

/**
 * A causal forecaster (Mackey-Glass) on a whole history: the model's forecast at every step, in the series' units.
 * Entry t of the result is the forecast of x(t + horizon) made from x(0..t), as the model was trained to predict
 * at every step; its last {@code horizon} entries are therefore the forecasts of the {@code horizon} values that
 * follow the history. The history must hold at least {@code horizon} values, so that those forecasts continue it
 * without a gap.
 */
public final class ForecastSeriesTranslator implements Translator<float[], float[]> {

    private static final String STEPS = "plmu.steps";

    private final String artifact;
    private final Forecast task;

    /**
     * Creates the translator.
     *
     * @param artifact the artifact id, for error messages
     * @param task the artifact's metadata, a {@link Forecast}
     */
    public ForecastSeriesTranslator(String artifact, Forecast task) {
        this.artifact = artifact;
        this.task = task;
    }

    /** {@inheritDoc} */
    @Override
    public NDList processInput(TranslatorContext ctx, float[] input) throws TranslateException {
        NDList inputs = ForecastTranslator.inputs(ctx, artifact, task, input, task.horizon());
        ctx.setAttachment(STEPS, input.length);
        return inputs;
    }

    /** {@inheritDoc} */
    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) throws TranslateException {
        float[] values = list.singletonOrThrow().toFloatArray(); // (L, 1): the forecast at each step
        if (values.length != (Integer) ctx.getAttachment(STEPS)) {
            throw new TranslateException(artifact + " gives " + values.length + " forecasts for a history of "
                    + ctx.getAttachment(STEPS) + " steps, not one per step; load it as float[] → Float");
        }
        float[] forecast = new float[values.length];
        for (int t = 0; t < values.length; t++) {
            forecast[t] = task.fromModel(values[t]);
        }
        return forecast;
    }

    /** {@inheritDoc} */
    @Override
    public Batchifier getBatchifier() {
        return Batchifier.STACK;
    }
}
