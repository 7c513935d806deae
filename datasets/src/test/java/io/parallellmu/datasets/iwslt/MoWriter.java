package io.parallellmu.datasets.iwslt;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes minimal {@code .mo} files for tests: 28-byte header, both tables, no hash table, then the strings. */
final class MoWriter {

    private MoWriter() {}

    /**
     * Builds a catalog.
     *
     * @param order the byte order
     * @param messages pairs of original and translation, NULs and 0x04 included as needed
     * @return the file's bytes
     */
    static byte[] catalog(ByteOrder order, List<String[]> messages) {
        int n = messages.size();
        int originals = 28;
        int translations = originals + 8 * n;
        int strings = translations + 8 * n;
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(strings).order(order);
        header.putInt(MoCatalog.MAGIC).putInt(0).putInt(n).putInt(originals).putInt(translations).putInt(0).putInt(0);
        for (int column = 0; column < 2; column++) {
            for (int i = 0; i < n; i++) {
                byte[] bytes = messages.get(i)[column].getBytes(StandardCharsets.UTF_8);
                header.putInt(bytes.length).putInt(strings + data.size());
                data.writeBytes(bytes);
                data.write(0);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        out.writeBytes(data.toByteArray());
        return out.toByteArray();
    }
}
