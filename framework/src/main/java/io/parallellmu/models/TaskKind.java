package io.parallellmu.models;

/** The five kinds of task in the paper's benchmark, each with its own batch layout (see the package docs). */
public enum TaskKind {
    /** One label per sequence: psMNIST, IMDB. */
    SEQUENCE_CLASSIFICATION,
    /** Real-valued targets, per step or for the whole sequence: Mackey-Glass. */
    SEQUENCE_REGRESSION,
    /** One label per pair of sentences: QQP, SNLI. */
    PAIR_CLASSIFICATION,
    /** Sequence-to-sequence translation: IWSLT'15 En-Vi. */
    TRANSLATION,
    /** Next-character prediction at every position: text8. */
    CHAR_LANGUAGE_MODEL
}
