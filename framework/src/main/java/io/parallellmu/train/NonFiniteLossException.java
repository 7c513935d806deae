package io.parallellmu.train;

/**
 * Thrown when the loss or the gradient norm becomes NaN or infinite; the message names the step, and
 * {@link #epoch()} the epoch once the training loop has added it.
 */
public final class NonFiniteLossException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int epoch;

    /**
     * Creates the exception.
     *
     * @param message what became non-finite, at which step
     */
    public NonFiniteLossException(String message) {
        this(message, 0);
    }

    private NonFiniteLossException(String message, int epoch) {
        super(message);
        this.epoch = epoch;
    }

    /**
     * Returns the same failure, placed in an epoch.
     *
     * @param epoch the epoch (from 1) in which it happened
     * @return the exception with the epoch
     */
    public NonFiniteLossException inEpoch(int epoch) {
        NonFiniteLossException placed = new NonFiniteLossException(getMessage(), epoch);
        placed.setStackTrace(getStackTrace());
        return placed;
    }

    /**
     * Returns the epoch (from 1) in which the training diverged.
     *
     * @return the epoch, or 0 when unknown
     */
    public int epoch() {
        return epoch;
    }
}
