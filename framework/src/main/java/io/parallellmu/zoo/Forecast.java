package io.parallellmu.zoo;

import ai.djl.Application;
import io.parallellmu.zoo.translate.ForecastTranslator;
import java.io.IOException;
import java.util.List;

/**
 * Metadata of a causal forecaster such as Mackey-Glass: the model reads {@code (x − mean) / std} and its output at
 * the last step, times std plus mean, is the value {@code horizon} steps later. Takes a {@code float[]} history and
 * gives that {@code Float}.
 *
 * @param horizon how many steps ahead the output lies, at least 1
 * @param inputMean the offset subtracted from inputs and added to forecasts, finite
 * @param inputStd the scale inputs are divided by and forecasts multiplied by, positive
 */
public record Forecast(int horizon, float inputMean, float inputStd) implements TaskMetadata {

    /** The kind: {@code "FORECAST"} in {@code task.json}. */
    static final MetadataKind<Forecast> KIND = new MetadataKind<>("FORECAST", Forecast.class,
            Application.TimeSeries.FORECASTING, Forecast::read,
            List.of(new MetadataKind.Offer<>(float[].class, Float.class, ForecastTranslator::new)));

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

    /** {@inheritDoc} */
    @Override
    public MetadataKind<Forecast> kind() {
        return KIND;
    }

    private static Forecast read(MetadataReader in) throws IOException {
        return new Forecast(in.integer("horizon"), in.number("inputMean"), in.number("inputStd"));
    }
}
