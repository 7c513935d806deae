package io.parallellmu.reports.store;

import java.io.IOException;

/** A result file that cannot be read: the message names the file, the line and what is wrong. */
public final class CsvFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The file or resource that was being read. */
    private final String source;

    /** The line of the problem, from 1. */
    private final long line;

    /**
     * Creates the exception.
     *
     * @param source the file (or classpath resource) being read
     * @param line the line number, from 1
     * @param problem what is wrong, naming the column when there is one
     */
    public CsvFormatException(String source, long line, String problem) {
        super(source + ", line " + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    /**
     * Returns the file or resource that was being read.
     *
     * @return the source's name
     */
    public String source() {
        return source;
    }

    /**
     * Returns the line where the problem is.
     *
     * @return the line number, from 1
     */
    public long line() {
        return line;
    }
}
