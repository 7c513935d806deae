package io.parallellmu.zoo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code publish} command: copies a written artifact into the zoo directory, where Criteria find it by id. */
@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        description = "Copy a model artifact (as written by --save-models) into the zoo directory, so that DJL's"
                + " Criteria can load it by artifact id (group " + PlmuModelZoo.GROUP_ID + ").")
public final class PublishCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Parameters(paramLabel = "ARTIFACT", description = "The artifact directory; its name is the artifact id.")
    private Path artifact;

    @Option(names = "--zoo", paramLabel = "DIR",
            description = "The zoo directory (default: -D" + ZooDirectory.PROPERTY + ", $" + ZooDirectory.ENV
                    + " or ~/.cache/parallel-lmu/zoo).")
    private Path zoo;

    @Option(names = "--as", paramLabel = "ID",
            description = "Publish it under this id instead of its own (how a shipped model gets its id, such as"
                    + " imdb-standin-lmu for the suite's imdb-lmu-quick-seed1): the copy records the new id wherever"
                    + " the artifact records one and gets a new manifest; the model card is kept.")
    private String id;

    @Option(names = "--replace", description = "Replace an artifact of the same id already published.")
    private boolean replace;

    /** {@inheritDoc} */
    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path root = zoo != null ? zoo : ZooDirectory.root();
        try {
            ModelArtifact published = ZooPublisher.publish(artifact, root, id, replace);
            ModelCard card = published.card();
            out.printf("published %s to %s: %s %s, %s %s = %s on %s data%n", published.id(), published.directory(),
                    card.task(), card.family(), card.metricSplit(), card.metricName(), card.metricValue(),
                    card.dataKind());
            out.flush();
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("publish failed: " + e.getMessage());
            err.flush();
            return 1;
        }
    }
}
