package io.parallellmu.reports.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The number of examples in each split of a run's data, in a fixed order.
 *
 * <p>Its text form, used in {@code results.csv}, is {@code train=8000;valid=1000;test=1000}.
 *
 * @param sizes split name to example count, in insertion order; at least one split
 */
public record SplitSizes(Map<String, Long> sizes) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    /**
     * Validates and copies the sizes.
     *
     * @param sizes split name (lower case letters, digits, '-' or '_') to a count &gt;= 0
     * @throws IllegalArgumentException when there is no split, a name is malformed or a count is
     *     negative
     */
    public SplitSizes {
        Checks.present(sizes, "split sizes");
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("split sizes must name at least one split");
        }
        for (Map.Entry<String, Long> entry : sizes.entrySet()) {
            if (entry.getKey() == null || !NAME.matcher(entry.getKey()).matches()) {
                throw new IllegalArgumentException(
                        "split name '" + entry.getKey() + "' must match " + NAME.pattern());
            }
            Checks.atLeast(Checks.present(entry.getValue(), "split size"), 0,
                    "size of split " + entry.getKey());
        }
        sizes = Collections.unmodifiableMap(new LinkedHashMap<>(sizes));
    }

    /**
     * The usual three splits.
     *
     * @param train training examples
     * @param valid validation examples
     * @param test test examples
     * @return {@code train=..;valid=..;test=..}
     */
    public static SplitSizes trainValidTest(long train, long valid, long test) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        sizes.put("train", train);
        sizes.put("valid", valid);
        sizes.put("test", test);
        return new SplitSizes(sizes);
    }

    /**
     * Parses the text form.
     *
     * @param text for example {@code train=8000;valid=1000;test=1000}
     * @return the split sizes
     * @throws IllegalArgumentException saying which part is malformed
     */
    public static SplitSizes parse(String text) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String part : Checks.nonBlank(text, "split sizes").split(";", -1)) {
            int equals = part.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException(
                        "split sizes part '" + part + "' is not name=count");
            }
            String name = part.substring(0, equals);
            if (sizes.containsKey(name)) {
                throw new IllegalArgumentException("split '" + name + "' appears twice");
            }
            try {
                sizes.put(name, Long.parseLong(part.substring(equals + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "split sizes part '" + part + "' has no whole-number count", e);
            }
        }
        return new SplitSizes(sizes);
    }

    /**
     * Returns the text form.
     *
     * @return for example {@code train=8000;valid=1000;test=1000}
     */
    @Override
    public String toString() {
        return sizes.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(";"));
    }
}
