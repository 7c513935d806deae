package io.parallellmu.nn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * AUTO's timed choices between FFT and RAW, kept in a file so that every later run on the machine makes the same
 * choice, as FFTW keeps its wisdom. The two modes agree only to float rounding, so a choice made afresh by timing
 * in each run would let two trainings with the same seed end with different metrics.
 *
 * <p>The file is the system property {@value #PROPERTY}, else the environment variable {@value #ENV}, else
 * {@code ~/.cache/parallel-lmu/auto-modes.txt}; {@value #OFF} there keeps choices in memory only. Each line is
 * {@code <computation and shape> = <FFT|RAW>}. Writes merge with what other processes wrote and replace the file
 * atomically.
 */
final class AutoModeDecisions {

    /** The system property that names the file, or {@value #OFF}. */
    static final String PROPERTY = "plmu.autoModes";
    /** The environment variable that names the file, or {@value #OFF}. */
    static final String ENV = "PLMU_AUTO_MODES";
    /** The value that keeps choices in memory only. */
    static final String OFF = "off";

    private static final String SEPARATOR = " = ";

    private AutoModeDecisions() {}

    /**
     * Returns the choice recorded for a key.
     *
     * @param key the computation, shape, data type and device
     * @return the recorded mode, or empty if none (or if persistence is off)
     * @throws IllegalStateException naming the file and line if the file is damaged
     */
    static synchronized Optional<MemoryMode> recorded(String key) {
        return file().map(file -> read(file).get(key));
    }

    /**
     * Records a choice, keeping every other process's choices in the file.
     *
     * @param key the computation, shape, data type and device
     * @param mode FFT or RAW
     */
    static synchronized void record(String key, MemoryMode mode) {
        file().ifPresent(file -> {
            Map<String, MemoryMode> decisions = read(file);
            decisions.put(key, mode);
            write(file, decisions);
        });
    }

    /**
     * Returns the file in force.
     *
     * @return the file, or empty if persistence is off
     */
    static Optional<Path> file() {
        String property = System.getProperty(PROPERTY);
        String setting = property != null && !property.isBlank() ? property : System.getenv(ENV);
        if (setting == null || setting.isBlank()) {
            return Optional.of(Paths.get(System.getProperty("user.home"), ".cache", "parallel-lmu", "auto-modes.txt"));
        }
        return OFF.equals(setting.strip()) ? Optional.empty() : Optional.of(Paths.get(setting));
    }

    private static Map<String, MemoryMode> read(Path file) {
        Map<String, MemoryMode> decisions = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return decisions;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read AUTO's recorded choices in " + file, e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int at = line.lastIndexOf(SEPARATOR);
            String value = at < 0 ? "" : line.substring(at + SEPARATOR.length()).strip();
            if (at <= 0 || !(value.equals("FFT") || value.equals("RAW"))) {
                throw new IllegalStateException(file + ", line " + (i + 1) + ": expected '<key> = FFT' or '<key> = RAW',"
                        + " got '" + line + "'; delete the file and AUTO will time its choices again");
            }
            decisions.put(line.substring(0, at), MemoryMode.valueOf(value));
        }
        return decisions;
    }

    private static void write(Path file, Map<String, MemoryMode> decisions) {
        StringBuilder text = new StringBuilder();
        decisions.forEach((key, mode) -> text.append(key).append(SEPARATOR).append(mode).append('\n'));
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(temporary, text, StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record AUTO's choice in " + file, e);
        }
    }
}
