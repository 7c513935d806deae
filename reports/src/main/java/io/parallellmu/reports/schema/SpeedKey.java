package io.parallellmu.reports.schema;

/**
 * Identifies one measurement of the speed study: rewriting a key replaces its row.
 *
 * @param configuration the configuration, for example "lmu-final"
 * @param mode the computation mode, for example "MATMUL"
 * @param length the sequence length L
 * @param batch the batch size
 */
public record SpeedKey(String configuration, String mode, int length, int batch) {

    /**
     * Validates the key.
     *
     * @param configuration the configuration, for example "lmu-final"
     * @param mode the computation mode, for example "MATMUL"
     * @param length the sequence length L
     * @param batch the batch size
     * @throws IllegalArgumentException when a name is blank or a size is below 1
     */
    public SpeedKey {
        Checks.nonBlank(configuration, "configuration");
        Checks.nonBlank(mode, "mode");
        Checks.atLeast(length, 1, "length");
        Checks.atLeast(batch, 1, "batch");
    }
}
