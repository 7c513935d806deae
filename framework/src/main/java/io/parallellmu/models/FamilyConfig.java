package io.parallellmu.models;

import io.parallellmu.vocabulary.ModelFamily;
/** A model family's own settings: dimensions, depth and dropout. Implementations are immutable records. */
public sealed interface FamilyConfig permits LmuConfig, OriginalLmuConfig, LstmConfig, TransformerConfig, SsmConfig {

    /**
     * Returns the family.
     *
     * @return the family
     */
    ModelFamily family();
}
