package io.parallellmu.models;

/** The model families the paper compares. */
public enum Family {
    /** The parallelisable LMU layer (Chilkuri and Eliasmith, 2021, eqs. 18–20). */
    LMU,
    /** The original, sequential LMU cell (Voelker et al., 2019). */
    ORIGINAL_LMU,
    /** DJL's LSTM. */
    LSTM,
    /** This project's pre-LayerNorm transformer. */
    TRANSFORMER,
    /** An S4D-style complex diagonal state-space model (Gu et al., 2022), through the same LTI modes as the LMU. */
    SSM
}
