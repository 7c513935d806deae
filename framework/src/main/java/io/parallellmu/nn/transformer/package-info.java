/**
 * Pre-LayerNorm transformer blocks (multi-head attention, encoder and decoder layers and stacks, sinusoidal
 * positions) and the index-comparison {@link io.parallellmu.nn.transformer.Masks} used across the project.
 *
 * <p>These replace DJL's {@code TransformerEncoderBlock}, which uses BatchNorm and a non-standard residual.
 */
package io.parallellmu.nn.transformer;
