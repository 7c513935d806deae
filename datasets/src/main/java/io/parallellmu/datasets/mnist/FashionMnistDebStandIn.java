package io.parallellmu.datasets.mnist;

import com.google.auto.service.AutoService;
import io.parallellmu.datasets.fetch.StandInSource;
import io.parallellmu.datasets.fetch.DebianPackages;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The psMNIST stand-in {@value #NAME}, "psFashion-MNIST": Zalando's Fashion-MNIST (clothing images, not
 * digits) from Debian's {@code dataset-fashion-mnist}, official IDX files with 60,000 training and 10,000
 * test images, split 50,000/10,000/10,000 like MNIST.
 *
 * <p>Debian may replace the {@code .deb}, so the pinned checksum is that of the decompressed IDX data; the
 * provenance records the package version that was fetched.
 */
@AutoService(StandInSource.class)
public final class FashionMnistDebStandIn extends MnistStandIn {

    /** The stand-in's name. */
    public static final String NAME = "fashion-mnist-deb";
    /** The Debian package. */
    public static final String PACKAGE = "dataset-fashion-mnist";

    /** The pinned SHA-256 of the converted data: the four decompressed IDX files, concatenated. */
    public static final String DATA_SHA256 = "14410854cf7a289477dcfc7df3f8ec24741e281cdcc425ede0d9a748ca630214";
    private static final String PACKAGE_DATA = "usr/share/datasets/fashion-mnist";
    private static final String PROVIDED = "fashion-mnist";
    private static final int VALIDATION = 10_000;

    /** Creates the stand-in. */
    public FashionMnistDebStandIn() {
        super(
                NAME,
                "Debian " + PACKAGE + ": Fashion-MNIST clothing images as psFashion-MNIST, 50,000/10,000/10,000",
                DATA_SHA256,
                VALIDATION);
    }

    /** {@inheritDoc} */
    @Override
    protected String manualHint(Path dataRoot) {
        return "To provide the data by hand, put the four Fashion-MNIST files "
                + String.join(", ", MnistFiles.NAMES)
                + " (plain or .gz, as in the package's /"
                + PACKAGE_DATA
                + "/ or Zalando's release; SHA-256 of the decompressed data "
                + DATA_SHA256
                + ") into "
                + downloads(dataRoot).resolve(PROVIDED)
                + " and fetch again. "
                + officialHint(dataRoot);
    }

    /** {@inheritDoc} */
    @Override
    protected String convert(Path dataRoot, PrintStream log, Path work, Path out) throws IOException {
        Optional<MnistFiles> provided = MnistFiles.find(downloads(dataRoot).resolve(PROVIDED));
        MnistFiles source;
        String description;
        if (provided.isPresent()) {
            source = provided.get();
            description = "Fashion-MNIST IDX files provided by hand (checksum of Debian " + PACKAGE + ")";
        } else {
            DebianPackages.Unpacked unpacked = new DebianPackages(log).fetchCurrent(PACKAGE, work, manualHint(dataRoot));
            source = MnistFiles.find(unpacked.root().resolve(PACKAGE_DATA))
                    .orElseThrow(() -> new IOException("The unpacked " + PACKAGE + " lacks /" + PACKAGE_DATA + "/'s IDX files"));
            description = "Debian " + PACKAGE + " " + unpacked.version();
        }
        List<Path> from = source.all();
        List<Path> to = MnistFiles.plainIn(out).all();
        for (int i = 0; i < from.size(); i++) {
            Files.write(to.get(i), IdxReader.readDecompressed(from.get(i)));
        }
        return description + ": Fashion-MNIST as psFashion-MNIST";
    }
}
