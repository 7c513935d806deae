package io.parallellmu.models;

/** Range checks for config records, with messages naming the setting. */
final class ConfigChecks {

    private ConfigChecks() {}

    static void positive(String setting, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(setting + " must be at least 1, got " + value);
        }
    }

    static void positive(String setting, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(setting + " must be positive, got " + value);
        }
    }

    static void dropout(float dropout) {
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }
}
