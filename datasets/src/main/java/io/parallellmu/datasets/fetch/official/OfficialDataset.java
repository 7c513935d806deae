package io.parallellmu.datasets.fetch.official;

import io.parallellmu.datasets.OfficialLayout;
import io.parallellmu.datasets.fetch.Unpacking;
import java.nio.file.Path;
import java.util.List;

/**
 * One task's official data: what to download, and how it becomes the layout that the task's loader reads.
 *
 * @param layout the task's official layout, stated by its data set; its folder {@code <root>/<task>/} is filled
 * @param title the data set's name
 * @param terms its licence or terms of use, and its home page
 * @param files the files to download
 * @param unpacking how the files become the loader's layout
 */
public record OfficialDataset(
        OfficialLayout layout,
        String title,
        String terms,
        List<OfficialFile> files,
        Unpacking unpacking) {

    /** Freezes the file list. */
    public OfficialDataset {
        files = List.copyOf(files);
    }

    /**
     * Returns the task id, which is also the folder {@code <root>/<task>/} that the task's loader reads.
     *
     * @return the id, such as {@code psmnist}
     */
    public String task() {
        return layout.task().id();
    }

    /**
     * Lists what the task's loader would miss in a task folder.
     *
     * @param taskDir a folder in the task's layout
     * @return the missing files and folders, empty when the data is there
     */
    public List<String> missing(Path taskDir) {
        return layout.missing(taskDir);
    }

    /**
     * Returns this data set with other files, such as after an override of mirrors or checksums.
     *
     * @param newFiles the files
     * @return the data set
     */
    public OfficialDataset withFiles(List<OfficialFile> newFiles) {
        return new OfficialDataset(layout, title, terms, newFiles, unpacking);
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
