package io.parallellmu.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv1d;

/**
 * The one causal convolution behind every whole-sequence mode: y[n, k, t] = Σ_c Σ_{j ≤ t} K[k, c, t − j] x[n, c, j]
 * (eq. 24), computed by FFT (eq. 26) or directly (RAW). The Legendre memory convolves each input channel with
 * its impulse response H, the LMU layer with the folded kernel W_m H, and the diagonal SSM each channel with its
 * own kernel ({@link #depthwise}); all of them come here.
 */
final class CausalConvolution {

    private CausalConvolution() {}

    /**
     * Returns F{K} zero-padded to 2L along the last axis, so that a product of spectra is a linear, not circular,
     * convolution (eq. 26).
     *
     * @param kernel (…, L)
     * @param length L
     * @return (…, L+1), complex
     */
    static NDArray spectrum(NDArray kernel, int length) {
        return kernel.rfft(2L * length, kernel.getShape().dimension() - 1);
    }

    /**
     * Returns K reversed in time, the weight with which conv1d computes the causal convolution.
     *
     * @param kernel (…, L)
     * @return (…, L)
     */
    static NDArray reversed(NDArray kernel) {
        return kernel.flip(kernel.getShape().dimension() - 1);
    }

    /**
     * Convolves in a concrete mode, deriving the spectrum or reversed kernel from K.
     *
     * @param input x, (N, C, L)
     * @param kernel K, (K, C, L)
     * @param mode FFT or RAW
     * @return y, (N, K, L)
     */
    static NDArray apply(NDArray input, NDArray kernel, MemoryMode mode) {
        int length = lengthOf(input);
        return switch (mode) {
            case FFT -> byFft(input, spectrum(kernel, length));
            case RAW -> direct(input, reversed(kernel));
            default -> throw new IllegalArgumentException("not a convolution mode: " + mode);
        };
    }

    /**
     * eq. 26: y = F⁻¹{Σ_c F{K}[:, c] · F{x}[:, c]}, summing the input channels in the frequency domain.
     *
     * @param input x, (N, C, L)
     * @param kernelSpectrum F{K} from {@link #spectrum}, (K, C, L+1)
     * @return y, (N, K, L)
     */
    static NDArray byFft(NDArray input, NDArray kernelSpectrum) {
        int length = lengthOf(input);
        long n = 2L * length;
        Shape kernelShape = kernelSpectrum.getShape();
        long outputs = kernelShape.get(0);
        long channels = kernelShape.get(1);
        NDArray inputSpectrum = input.rfft(n, 2); // (N, C, L+1)
        NDArray product;
        if (channels == 1) {
            product = inputSpectrum.mul(kernelSpectrum.reshape(outputs, length + 1L)); // (N, K, L+1) by broadcasting
        } else {
            product = inputSpectrum.transpose(2, 0, 1) // (L+1, N, C)
                    .matMul(kernelSpectrum.transpose(2, 1, 0)) // (L+1, C, K): sums the channels
                    .transpose(1, 2, 0); // (N, K, L+1)
        }
        return firstSteps(product.irfft(n, 2), length);
    }

    /**
     * eq. 24 computed directly: conv1d of the input, left-padded with L − 1 zeros, with the reversed kernel.
     *
     * @param input x, (N, C, L)
     * @param reversedKernel K reversed in time from {@link #reversed}, (K, C, L)
     * @return y, (N, K, L)
     */
    static NDArray direct(NDArray input, NDArray reversedKernel) {
        NDArray padded = input.pad(new Shape(lengthOf(input) - 1L, 0), 0); // (N, C, 2L−1)
        return Conv1d.conv1d(padded, reversedKernel).singletonOrThrow();
    }

    /**
     * The depthwise case, in which channel c is convolved with its own kernel only: y[n, c, t] = Σ_{j ≤ t} K[c, t − j]
     * x[n, c, j].
     *
     * @param input x, (N, C, L)
     * @param kernel K, (C, L)
     * @param mode FFT or RAW
     * @return y, (N, C, L)
     */
    static NDArray depthwise(NDArray input, NDArray kernel, MemoryMode mode) {
        int length = lengthOf(input);
        switch (mode) {
            case FFT:
                NDArray product = input.rfft(2L * length, 2).mul(spectrum(kernel, length)); // (N, C, L+1)
                return firstSteps(product.irfft(2L * length, 2), length);
            case RAW:
                long channels = kernel.getShape().get(0);
                NDArray padded = input.pad(new Shape(length - 1L, 0), 0); // (N, C, 2L−1)
                NDArray weight = reversed(kernel).expandDims(1); // (C, 1, L), one group per channel
                return Conv1d.conv1d(padded, weight, null, new Shape(1), new Shape(0), new Shape(1), (int) channels)
                        .singletonOrThrow();
            default:
                throw new IllegalArgumentException("not a convolution mode: " + mode);
        }
    }

    private static int lengthOf(NDArray input) {
        return Math.toIntExact(input.getShape().get(input.getShape().dimension() - 1));
    }

    /** The linear convolution's first L steps: one slice op, not one per axis in backward. */
    private static NDArray firstSteps(NDArray padded, int length) {
        return padded.get(new NDIndex("..., :{}", length));
    }
}
