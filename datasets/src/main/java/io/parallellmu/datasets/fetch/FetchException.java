package io.parallellmu.datasets.fetch;

import java.io.IOException;

/** A fetch that failed: says which command failed and how to provide the data by hand. */
public class FetchException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, including the command and how to provide the data by hand
     */
    public FetchException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what failed, including the command and how to provide the data by hand
     * @param cause the underlying error
     */
    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
