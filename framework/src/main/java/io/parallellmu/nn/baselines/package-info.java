/**
 * Baseline recurrent blocks that DJL does not provide in a usable form on PyTorch.
 */
package io.parallellmu.nn.baselines;
