package io.parallellmu.zoo;

import ai.djl.Application;
import io.parallellmu.zoo.translate.ForecastSeriesTranslator;
import io.parallellmu.zoo.translate.ForecastTranslator;
import java.io.IOException;
import java.util.List;

/**
 * Metadata of a causal forecaster such as Mackey-Glass: the model reads {@code (s(x) − mean) / std}, where s is
 * tanh(x − 1) for a model trained on the LMU 2019 recipe's squashed series and the identity otherwise, and its
 * output at the last step, times std plus mean and put back through s⁻¹ (1 + atanh), is the value {@code horizon}
 * steps later. Takes a {@code float[]} history and gives that {@code Float}, or the forecasts made at each of its
 * steps as a {@code float[]} ({@link ForecastSeriesTranslator}).
 *
 * @param horizon how many steps ahead the output lies, at least 1
 * @param squashed whether values go through tanh(x − 1) before the mean is subtracted (the LMU 2019 recipe);
 *     absent in artifacts written before the squash was recorded, which did not squash
 * @param inputMean the offset subtracted from inputs and added to forecasts, finite
 * @param inputStd the scale inputs are divided by and forecasts multiplied by, positive
 */
public record Forecast(int horizon, boolean squashed, float inputMean, float inputStd) implements TaskMetadata {

    /** The kind: {@code "FORECAST"} in {@code task.json}. */
    static final MetadataKind<Forecast> KIND = new MetadataKind<>("FORECAST", Forecast.class,
            Application.TimeSeries.FORECASTING, Forecast::read,
            List.of(new MetadataKind.Offer<>(float[].class, Float.class, ForecastTranslator::new),
                    new MetadataKind.Offer<>(float[].class, float[].class, ForecastSeriesTranslator::new)));

    /** How close to ±1 an output is held before the squash is undone: atanh stays below 8.4. */
    private static final double SQUASH_LIMIT = 1 - 1e-7;

    /**
     * Checks the metadata.
     *
     * @throws IllegalArgumentException if the horizon is below 1, the mean not finite or the scale not positive
     */
    public Forecast {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1, got " + horizon);
        }
        if (!(inputStd > 0) || !Float.isFinite(inputMean)) {
            throw new IllegalArgumentException("std must be positive and mean finite, got std " + inputStd
                    + ", mean " + inputMean);
        }
    }

    /**
     * Maps a raw value to what the model reads: {@code (s(x) − mean) / std}.
     *
     * @param value a raw series value
     * @return the model's input
     */
    public float toModel(float value) {
        double squashedValue = squashed ? Math.tanh(value - 1.0) : value;
        return (float) ((squashedValue - inputMean) / inputStd);
    }

    /**
     * Maps a model output back to the raw series: {@code s⁻¹(y · std + mean)}, with s⁻¹(z) = 1 + atanh(z) for a
     * squashed model. An output beyond the squash's range (−1, 1) is held just inside it, so that the forecast
     * stays finite.
     *
     * @param output the model's output
     * @return the forecast value
     */
    public float fromModel(float output) {
        double value = (double) output * inputStd + inputMean;
        if (!squashed) {
            return (float) value;
        }
        double inside = Math.max(-SQUASH_LIMIT, Math.min(SQUASH_LIMIT, value));
        return (float) (1.0 + 0.5 * Math.log((1.0 + inside) / (1.0 - inside)));
    }

    /** {@inheritDoc} */
    @Override
    public MetadataKind<Forecast> kind() {
        return KIND;
    }

    private static Forecast read(MetadataReader in) throws IOException {
        return new Forecast(in.integer("horizon"), in.flag("squashed", false), in.number("inputMean"),
                in.number("inputStd"));
    }
}
