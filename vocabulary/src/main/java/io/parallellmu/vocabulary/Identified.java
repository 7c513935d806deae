package io.parallellmu.vocabulary;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A constant with a stable text id, as written in the result files and typed on the command line.
 */
public interface Identified {

    /**
     * Returns the id written in files and accepted on the command line.
     *
     * @return the id, lower case
     */
    String id();

    /**
     * Finds the constant of an enum whose {@link #id()} equals the given text.
     *
     * @param type the enum class
     * @param id the id to look up
     * @param what what the id names, for the error message (for example "task")
     * @param <E> the enum type
     * @return the constant with that id
     * @throws IllegalArgumentException naming the unknown id and listing the valid ones
     */
    static <E extends Enum<E> & Identified> E fromId(Class<E> type, String id, String what) {
        for (E constant : type.getEnumConstants()) {
            if (constant.id().equals(id)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(
                "unknown " + what + " '" + id + "'; valid " + what + "s: " + validIds(type));
    }

    /**
     * Lists the ids of an enum, comma-separated, in declaration order.
     *
     * @param type the enum class
     * @param <E> the enum type
     * @return for example "official, stand-in, synthetic"
     */
    static <E extends Enum<E> & Identified> String validIds(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(Identified::id)
                .collect(Collectors.joining(", "));
    }
}
