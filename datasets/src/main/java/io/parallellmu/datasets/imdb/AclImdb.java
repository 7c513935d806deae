package io.parallellmu.datasets.imdb;

import io.parallellmu.datasets.DataFiles;
import io.parallellmu.datasets.DataFormatException;
import io.parallellmu.datasets.fetch.StandInManifest;
import io.parallellmu.datasets.text.Utf8Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The official Large Movie Review Dataset layout: {@code aclImdb/{train,test}/{pos,neg}/<id>_<rating>.txt},
 * one UTF-8 review per file, the label given by the folder (a negative review is rated 1–4, a positive one
 * 7–10). {@code train/unsup/} is not read. HTML line breaks {@code <br />} in reviews become spaces.
 *
 * <p>Reviews are ordered by split, then {@code neg} before {@code pos}, then by numeric id.
 */
public final class AclImdb {

    /** The folder inside the task directory. */
    public static final String ROOT = "aclImdb";

    /** The longest id or rating read from a file name; longer numbers would overflow. */
    private static final int MAX_DIGITS = 9;
    private static final Pattern FILE_NAME = Pattern.compile("(\\d+)_(\\d+)\\.txt");
    private static final Pattern LINE_BREAK = Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);

    /**
     * One split's reviews and the relative names of the files they came from.
     *
     * @param reviews the reviews
     * @param files the files, relative to the task directory
     */
    public record Split(List<LabelledDocument> reviews, List<String> files) {}

    private AclImdb() {}

    /**
     * Reads one split.
     *
     * @param taskDir the directory holding {@code aclImdb/}
     * @param split {@code train} or {@code test}
     * @return its reviews
     * @throws IOException if a file cannot be read, is not UTF-8, is misnamed, or the split is empty
     */
    public static Split read(Path taskDir, String split) throws IOException {
        List<LabelledDocument> reviews = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (String label : List.of("neg", "pos")) {
            Path dir = taskDir.resolve(ROOT).resolve(split).resolve(label);
            for (Path file : reviewFiles(dir)) {
                String name = taskDir.relativize(file).toString().replace('\\', '/');
                DataFiles.requireFile(file, "a review (UTF-8 text)");
                String text = Utf8Text.decode(Files.readAllBytes(file), file);
                reviews.add(new LabelledDocument(name, LINE_BREAK.matcher(text).replaceAll(" "), label.equals("pos") ? 1 : 0));
                files.add(name);
            }
        }
        if (reviews.isEmpty()) {
            throw new DataFormatException(
                    taskDir.resolve(ROOT).resolve(split), "folder", "empty data set: no reviews in neg/ or pos/");
        }
        return new Split(reviews, files);
    }

    /**
     * Returns the checksum of both splits' files.
     *
     * @param taskDir the directory holding {@code aclImdb/}
     * @param train the training split as read
     * @param test the test split as read
     * @return the SHA-256 of all review files, in reading order
     * @throws IOException if a file cannot be read
     */
    public static String checksum(Path taskDir, Split train, Split test) throws IOException {
        List<String> all = new ArrayList<>(train.files());
        all.addAll(test.files());
        return StandInManifest.checksumOf(taskDir, all);
    }

    private static List<Path> reviewFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new DataFormatException(dir, "folder", "missing: the official layout has aclImdb/{train,test}/{pos,neg}/");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.collect(Collectors.toList());
        }
        boolean positive = dir.getFileName().toString().equals("pos");
        for (Path file : files) {
            Matcher m = FILE_NAME.matcher(file.getFileName().toString());
            if (!m.matches()) {
                throw new DataFormatException(file, "file name", "expected <id>_<rating>.txt");
            }
            if (m.group(1).length() > MAX_DIGITS || m.group(2).length() > MAX_DIGITS) {
                throw new DataFormatException(file, "file name", "expected <id>_<rating>.txt with an id and a rating"
                        + " of at most " + MAX_DIGITS + " digits");
            }
            int rating = Integer.parseInt(m.group(2));
            if (positive ? rating < 7 || rating > 10 : rating < 1 || rating > 4) {
                throw new DataFormatException(
                        file, "file name", "rating " + rating + " does not fit the folder (neg: 1-4, pos: 7-10)");
            }
        }
        files.sort(Comparator.comparingLong(AclImdb::id).thenComparing(Path::toString));
        return files;
    }

    private static long id(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(0, name.indexOf('_')));
    }
}
