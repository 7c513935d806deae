/**
 * DJL blocks for the Legendre Memory Unit: the parallelisable {@link io.parallellmu.nn.LegendreMemory}
 * (paper eqs. 19–26), the {@link io.parallellmu.nn.LmuLayer} built on it (eqs. 18–20), and the original,
 * sequential LMU of Voelker et al. (2019) as {@link io.parallellmu.nn.OriginalLmuCell} and
 * {@link io.parallellmu.nn.OriginalLmu}. {@link io.parallellmu.nn.CarriedStates} carries the recurrent blocks' states
 * from one window of a sequence to the next, so that windows in a row compute what one forward over them does.
 *
 * <p>Tensor layouts: B is the batch, L the sequence length, F the input features, C = memoryD the memory's
 * input channels, d the order and H the hidden size. A memory state of C channels is laid out as
 * {@code c·d + i}.
 */
package io.parallellmu.nn;
