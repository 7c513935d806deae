package io.parallellmu.models;

/** What a task model needs from a family's sequence stack. */
public enum SequenceRole {
    /** One vector per sequence (classification, single-output regression); may read both ways. */
    SUMMARY,
    /**
     * One vector per sentence that must keep word order, "who did what to whom" (pair encoders). Recurrent families
     * summarise as for {@link #SUMMARY}, being order-aware by construction; the transformer reads a causal pass at
     * each sentence's last valid step, because its bidirectional masked mean stays at chance on role swaps (see
     * {@link TransformerConfig#encoder}).
     */
    ORDERED_SUMMARY,
    /** One output per step, step t seeing only steps ≤ t (language models, per-step regression, decoders). */
    CAUSAL,
    /** One output per step, each seeing the whole sequence if the family can (translation encoders). */
    CONTEXTUAL;

    /**
     * Tells whether the role pools each sequence to one vector.
     *
     * @return {@code true} for {@link #SUMMARY} and {@link #ORDERED_SUMMARY}
     */
    public boolean pooled() {
        return this == SUMMARY || this == ORDERED_SUMMARY;
    }
}
