package io.parallellmu.datasets.fetch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the version of an unpacked Debian package from its {@code usr/share/doc/PKG/changelog.Debian.gz},
 * whose first line is {@code PKG (VERSION) DIST; urgency=...}. Provenance records it, since Debian replaces
 * package versions.
 */
public final class DebianChangelog {

    private DebianChangelog() {}

    /**
     * Returns the version of an unpacked package.
     *
     * @param unpacked the directory {@code dpkg -x} unpacked into
     * @param pkg the package name
     * @return the version, such as {@code 0.0~git20200523.55506a9-1}
     * @throws FetchException if the changelog is missing or its first line is not {@code PKG (VERSION) ...}
     * @throws IOException if the changelog cannot be read
     */
    public static String version(Path unpacked, String pkg) throws IOException {
        Path changelog = unpacked.resolve("usr/share/doc").resolve(pkg).resolve("changelog.Debian.gz");
        if (!Files.isRegularFile(changelog)) {
            throw new FetchException("The unpacked package " + pkg + " has no " + changelog + " to read its version from");
        }
        String first;
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(changelog)), StandardCharsets.UTF_8))) {
            first = in.readLine();
        }
        String prefix = pkg + " (";
        int close = first == null ? -1 : first.indexOf(')');
        if (first == null || !first.startsWith(prefix) || close < prefix.length()) {
            throw new FetchException(changelog + ", line 1: expected '" + pkg + " (VERSION) ...', found '" + first + "'");
        }
        return first.substring(prefix.length(), close);
    }
}
