package io.parallellmu.train;

/** Thrown when the loss or the gradient norm becomes NaN or infinite; the message names the step. */
public final class NonFiniteLossException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what became non-finite, at which step
     */
    public NonFiniteLossException(String message) {
        super(message);
    }
}
