/**
 * Linear time-invariant (LTI) systems in plain Java {@code double}: the Legendre memory's continuous
 * system, its discretisation, and the impulse response that the parallel training paths convolve with.
 *
 * <p>Everything here is exact linear algebra on small dense matrices; nothing depends on DJL. The
 * {@link io.parallellmu.lti.DiscreteLtiSystem} interface is the single source of truth that both the
 * recurrent and the parallel computation modes of {@link io.parallellmu.nn.LegendreMemory} read.
 */
package io.parallellmu.lti;
