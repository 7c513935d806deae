package io.parallellmu.datasets;

import io.parallellmu.vocabulary.TaskId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * A task's official data on disk: which files or folders its loader needs in {@code <root>/<task>/}, how to tell
 * which are missing, and how a user provides them. Each task's data set states its layout once (for example
 * {@code PermutedMnist.OFFICIAL}); its loader, the official fetcher and the suite all read it from there. The hosts,
 * URLs and checksums of the downloads are not part of it: they are in {@code fetch.official.OfficialSources}.
 *
 * @param task the task, whose id names the folder {@code <root>/<task>/}
 * @param required the files and folders the loader reads, relative to the task folder (empty for generated data)
 * @param missingIn lists what of {@code required} is missing from a task folder (empty when the data is there)
 * @param instructions tells a user, given the task folder, which files to put where
 */
public record OfficialLayout(TaskId task, List<String> required, Function<Path, List<String>> missingIn,
        Function<Path, String> instructions) {

    /** Freezes the list of required names. */
    public OfficialLayout {
        required = List.copyOf(required);
    }

    /**
     * A layout whose required names are present when a file or folder of that name exists in the task folder.
     *
     * @param task the task
     * @param required the files and folders, relative to the task folder
     * @param instructions tells a user, given the task folder, what to put there
     * @return the layout
     */
    public static OfficialLayout of(TaskId task, List<String> required, Function<Path, String> instructions) {
        return new OfficialLayout(task, required,
                dir -> required.stream().filter(name -> !Files.exists(dir.resolve(name))).toList(), instructions);
    }

    /**
     * The layout of a task whose data is generated, so that there is nothing to provide.
     *
     * @param task the task
     * @param why how the data comes about
     * @return a layout that requires nothing
     */
    public static OfficialLayout generated(TaskId task, String why) {
        return new OfficialLayout(task, List.of(), dir -> List.of(), dir -> "nothing to provide: " + why);
    }

    /**
     * Returns the folder the official data is read from.
     *
     * @param dataRoot the data root
     * @return {@code <root>/<task>}
     */
    public Path directory(Path dataRoot) {
        return DataDirectory.official(dataRoot, task.id());
    }

    /**
     * Lists what a task folder lacks.
     *
     * @param taskDir the folder in this layout, such as {@link #directory}
     * @return the missing names of {@link #required}, empty when the official data is complete
     */
    public List<String> missing(Path taskDir) {
        return missingIn.apply(taskDir);
    }

    /**
     * Tells a user how to provide the official data.
     *
     * @param dataRoot the data root
     * @return which files to put where, naming the files and the folder
     */
    public String howToProvide(Path dataRoot) {
        return instructions.apply(directory(dataRoot));
    }
}
