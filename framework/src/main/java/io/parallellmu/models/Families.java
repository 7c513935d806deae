package io.parallellmu.models;

import io.parallellmu.vocabulary.ModelFamily;
import java.util.Map;

/** The one list of model families' homes: each {@link ModelFamily}'s record type and defaults. */
public final class Families {

    private static final Map<ModelFamily, FamilyDefaults> DEFAULTS = Map.of(
            ModelFamily.LMU, LmuConfig.DEFAULTS,
            ModelFamily.ORIGINAL_LMU, OriginalLmuConfig.DEFAULTS,
            ModelFamily.LSTM, LstmConfig.DEFAULTS,
            ModelFamily.TRANSFORMER, TransformerConfig.DEFAULTS,
            ModelFamily.SSM, SsmConfig.DEFAULTS);

    private Families() {}

    /**
     * Returns a family's record type and defaults.
     *
     * @param family the family
     * @return its defaults
     * @throws IllegalStateException if the family has not been listed here
     */
    public static FamilyDefaults of(ModelFamily family) {
        FamilyDefaults defaults = DEFAULTS.get(family);
        if (defaults == null) {
            throw new IllegalStateException("the family " + family.id() + " has no record listed in Families");
        }
        return defaults;
    }
}
