package io.parallellmu.datasets.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 checksums of files and byte arrays, in lower-case hex. */
public final class Checksums {

    private Checksums() {}

    /**
     * Returns a new SHA-256 digest.
     *
     * @return the digest
     */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * Hashes a file.
     *
     * @param file the file
     * @return its SHA-256 in hex
     * @throws IOException if the file cannot be read
     */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Hashes bytes.
     *
     * @param bytes the bytes
     * @return their SHA-256 in hex
     */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /**
     * Checks a file against a pinned checksum.
     *
     * @param file the file
     * @param expected the pinned SHA-256 in hex
     * @throws FetchException if it differs, naming both checksums
     * @throws IOException if the file cannot be read
     */
    public static void verify(Path file, String expected) throws IOException {
        String actual = sha256(file);
        if (!actual.equalsIgnoreCase(expected)) {
            throw new FetchException(
                    "Checksum mismatch for "
                            + file
                            + ": expected SHA-256 "
                            + expected
                            + " but got "
                            + actual
                            + ". The package may have changed upstream; delete the file and fetch again, or"
                            + " report it.");
        }
    }
}
