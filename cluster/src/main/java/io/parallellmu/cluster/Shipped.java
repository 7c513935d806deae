package io.parallellmu.cluster;

import java.io.Serializable;
import java.util.Map;

/**
 * What an executor sends back for one run: its report, and the files of its model artifact.
 *
 * @param report the report, as {@link ReportCodec} JSON
 * @param artifact each artifact file's path inside the artifact's directory, and its bytes; empty without
 *     {@code --save-models}
 */
record Shipped(String report, Map<String, byte[]> artifact) implements Serializable {

    private static final long serialVersionUID = 1L;
}
