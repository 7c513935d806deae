package io.parallellmu.nn;

/** How {@link LegendreMemory} computes the memory; every mode gives the same result. */
public enum MemoryMode {
    /** Eq. 26: convolution with the impulse response by FFT, zero-padded to 2L. O(L log L). */
    FFT,
    /** Causal convolution with the impulse response, computed directly. O(L²). */
    RAW,
    /** Eq. 25: the final state only, as the time-reversed input times Hᵀ, one matmul. */
    MATMUL,
    /** Eq. 19: step by step, one matmul with Ā per time step. */
    RECURRENT,
    /**
     * MATMUL when only the final state is wanted; otherwise whichever of FFT and RAW measures faster for
     * the input's shape, decided once per shape.
     */
    AUTO
}
