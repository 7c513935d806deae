package io.parallellmu.datasets.fetch.official;

import io.parallellmu.datasets.fetch.Unpacking;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * One task's official data: what to download, how to lay it out, and how to tell that it is already there.
 *
 * @param task the task id, which is also the folder {@code <root>/<task>/} that the task's loader reads
 * @param title the data set's name
 * @param terms its licence or terms of use, and its home page
 * @param files the files to download
 * @param unpacking how the files become the loader's layout
 * @param missing lists what the task's loader would miss in a task directory (empty when the data is there)
 */
public record OfficialDataset(
        String task,
        String title,
        String terms,
        List<OfficialFile> files,
        Unpacking unpacking,
        Function<Path, List<String>> missing) {

    /** Freezes the file list. */
    public OfficialDataset {
        files = List.copyOf(files);
    }

    /**
     * Returns this data set with other files, such as after an override of mirrors or checksums.
     *
     * @param newFiles the files
     * @return the data set
     */
    public OfficialDataset withFiles(List<OfficialFile> newFiles) {
        return new OfficialDataset(task, title, terms, newFiles, unpacking, missing);
    }

    /**
     * Returns the published total download size, counting only files whose size is published.
     *
     * @return bytes
     */
    public long downloadBytes() {
        return files.stream().mapToLong(OfficialFile::size).filter(s -> s > 0).sum();
    }
}
