package io.parallellmu.datasets.fetch.official;

import io.parallellmu.datasets.fetch.FetchException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * How a user (or a test) chooses mirrors, re-pins checksums and sets the stall timeout, each read from a
 * system property or else an environment variable:
 *
 * <ul>
 *   <li>{@code plmu.official.mirrors.<task>} / {@code PLMU_OFFICIAL_MIRRORS_<TASK>} (upper case, {@code -} as
 *       {@code _}): comma-separated base URLs tried in order instead of the table's URLs; each file's name is
 *       appended, as in {@code -Dplmu.official.mirrors.psmnist=https://my.mirror/mnist/}.
 *   <li>{@code plmu.official.checksums} / {@code PLMU_OFFICIAL_CHECKSUMS}: a file of lines
 *       {@code <file name> TAB <size> TAB <sha256>} (as in TensorFlow Datasets' {@code checksums.tsv}, less the
 *       URL) that replaces the table's pins for those files, for when a source republishes a file.
 *   <li>{@code plmu.official.timeout} / {@code PLMU_OFFICIAL_TIMEOUT}: seconds without a byte after which a
 *       connection counts as stalled (default {@value #DEFAULT_TIMEOUT_SECONDS}).
 * </ul>
 *
 * @param mirrors base URLs by task
 * @param checksumFile the checksum override file, or {@code null}
 * @param pins the overriding pins by file name
 * @param stallTimeout how long a connection may go without a byte
 */
public record SourceOverrides(
        Map<String, List<URI>> mirrors, Path checksumFile, Map<String, Pin> pins, Duration stallTimeout) {

    /**
     * A file's size and SHA-256 as pinned by the override file.
     *
     * @param size the size in bytes
     * @param sha256 the SHA-256 in lower-case hex
     */
    public record Pin(long size, String sha256) {}

    /** The prefix of the mirror properties. */
    public static final String MIRRORS = "plmu.official.mirrors.";
    /** The checksum override property. */
    public static final String CHECKSUMS = "plmu.official.checksums";
    /** The stall timeout property. */
    public static final String TIMEOUT = "plmu.official.timeout";
    /** The default stall timeout in seconds. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 60;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /**
     * Reads the overrides from system properties and the environment.
     *
     * @return the overrides in force
     * @throws IOException if the checksum file cannot be read or is malformed
     */
    public static SourceOverrides fromEnvironment() throws IOException {
        return read(key -> {
            String value = System.getProperty(key);
            return value != null && !value.isBlank()
                    ? value
                    : System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        });
    }

    /**
     * Reads the overrides through a lookup of property names.
     *
     * @param lookup returns a property's value, or null
     * @return the overrides
     * @throws IOException if the checksum file cannot be read or is malformed
     */
    static SourceOverrides read(UnaryOperator<String> lookup) throws IOException {
        Map<String, List<URI>> mirrors = new HashMap<>();
        for (OfficialDataset dataset : OfficialSources.all()) {
            String value = lookup.apply(MIRRORS + dataset.task());
            if (value != null && !value.isBlank()) {
                List<URI> bases = new ArrayList<>();
                for (String base : value.split(",")) {
                    String trimmed = base.strip();
                    bases.add(URI.create(trimmed.endsWith("/") ? trimmed : trimmed + "/"));
                }
                mirrors.put(dataset.task(), List.copyOf(bases));
            }
        }
        String file = lookup.apply(CHECKSUMS);
        Path checksumFile = file == null || file.isBlank() ? null : Paths.get(file);
        Map<String, Pin> pins = checksumFile == null ? Map.of() : readPins(checksumFile);
        String timeout = lookup.apply(TIMEOUT);
        Duration stall;
        try {
            stall = Duration.ofMillis(Math.round(1000 * Double.parseDouble(
                    timeout == null || timeout.isBlank() ? String.valueOf(DEFAULT_TIMEOUT_SECONDS) : timeout)));
        } catch (NumberFormatException e) {
            throw new FetchException(TIMEOUT + " must be a number of seconds, not '" + timeout + "'", e);
        }
        return new SourceOverrides(Map.copyOf(mirrors), checksumFile, Map.copyOf(pins), stall);
    }

    /**
     * Applies the overrides to a data set's entry.
     *
     * @param dataset the table's entry
     * @return the entry with the mirrors and pins in force
     */
    public OfficialDataset apply(OfficialDataset dataset) {
        List<URI> bases = mirrors.get(dataset.task());
        List<OfficialFile> files = new ArrayList<>();
        for (OfficialFile file : dataset.files()) {
            OfficialFile f = bases == null ? file : file.withBases(bases);
            Pin pin = pins.get(file.name());
            files.add(pin == null ? f : f.withPins(pin.size(), pin.sha256(), "override file " + checksumFile));
        }
        return dataset.withFiles(files);
    }

    private static Map<String, Pin> readPins(Path file) throws IOException {
        Map<String, Pin> pins = new HashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length != 3 || !fields[1].matches("\\d+") || !SHA256.matcher(fields[2]).matches()) {
                throw new FetchException(file + ": line " + (i + 1)
                        + ": expected <file name> TAB <size in bytes> TAB <sha256 in lower-case hex>");
            }
            pins.put(fields[0], new Pin(Long.parseLong(fields[1]), fields[2]));
        }
        return pins;
    }
}
