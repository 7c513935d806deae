package io.parallellmu.nn.transformer;

/** Builder validation shared by the transformer blocks. */
final class TransformerChecks {

    private TransformerChecks() {}

    static void positive(String setting, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(setting + " must be at least 1, got " + value);
        }
    }

    static void dropout(float dropout) {
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    static void even(String setting, int value) {
        if (value < 2 || value % 2 != 0) {
            throw new IllegalArgumentException(setting + " must be a positive even number, got " + value);
        }
    }
}
