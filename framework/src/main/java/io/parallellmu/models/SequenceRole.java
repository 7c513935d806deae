package io.parallellmu.models;

/** What a task model needs from a family's sequence stack. */
public enum SequenceRole {
    /** One vector per sequence (classification, pair encoders, single-output regression); may read both ways. */
    SUMMARY,
    /** One output per step, step t seeing only steps ≤ t (language models, per-step regression, decoders). */
    CAUSAL,
    /** One output per step, each seeing the whole sequence if the family can (translation encoders). */
    CONTEXTUAL
}
