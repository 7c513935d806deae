package io.parallellmu.datasets.fetch;

import io.parallellmu.datasets.mnist.IdxWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Tiny files with the real structure of each official source, built by the tests: gzipped IDX files, an
 * {@code aclImdb_v1.tar.gz} with a few reviews, GLUE's {@code QQP-clean.zip}, {@code snli_1.0.zip} with its
 * {@code __MACOSX} folder, the Stanford NMT IWSLT'15 text files and {@code text8.zip}.
 */
final class OfficialFixtures {

    /** The text inside the text8 fixture. */
    static final String TEXT8 = " anarchism originated as a term of abuse first used against early working class radicals";

    private OfficialFixtures() {}

    /** Returns every task's files, by task, then by file name. */
    static Map<String, Map<String, byte[]>> all() throws IOException {
        Map<String, Map<String, byte[]>> all = new LinkedHashMap<>();
        all.put("psmnist", mnist());
        all.put("imdb", Map.of("aclImdb_v1.tar.gz", imdb(Map.of())));
        all.put("qqp", Map.of("QQP-clean.zip", qqp()));
        all.put("snli", Map.of("snli_1.0.zip", snli()));
        all.put("iwslt15-en-vi", iwslt());
        all.put("text8", Map.of("text8.zip", text8()));
        return all;
    }

    static Map<String, byte[]> mnist() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("train-images-idx3-ubyte.gz", gzip(idxImages(3)));
        files.put("train-labels-idx1-ubyte.gz", gzip(idxLabels(3)));
        files.put("t10k-images-idx3-ubyte.gz", gzip(idxImages(2)));
        files.put("t10k-labels-idx1-ubyte.gz", gzip(idxLabels(2)));
        return files;
    }

    /** An IMDB archive with two reviews per split and label, a README and an unsup review, plus extra entries. */
    static byte[] imdb(Map<TarArchiveEntry, byte[]> extra) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            directory(tar, "aclImdb/");
            file(tar, "aclImdb/README", "Large Movie Review Dataset v1.0");
            for (String split : new String[] {"train", "test"}) {
                file(tar, "aclImdb/" + split + "/neg/0_3.txt", "Dull.<br /><br />Very dull " + split + ".");
                file(tar, "aclImdb/" + split + "/neg/1_1.txt", "Awful " + split + ".");
                file(tar, "aclImdb/" + split + "/pos/0_9.txt", "Wonderful " + split + ".");
                file(tar, "aclImdb/" + split + "/pos/1_10.txt", "A delight " + split + ".");
            }
            file(tar, "aclImdb/train/unsup/0_0.txt", "Unlabelled.");
            for (Map.Entry<TarArchiveEntry, byte[]> e : extra.entrySet()) {
                e.getKey().setSize(e.getValue().length);
                tar.putArchiveEntry(e.getKey());
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] qqp() throws IOException {
        String header = "id\tqid1\tqid2\tquestion1\tquestion2\tis_duplicate\n";
        return zip(Map.of(
                "QQP/train.tsv", header + "0\t1\t2\tHow do I learn Java?\tHow to learn Java?\t1\n"
                        + "1\t3\t4\tWhy is the sky blue?\tWhat is rain?\t0\n",
                "QQP/dev.tsv", header + "2\t5\t6\tIs it raining?\tIs it raining today?\t1\n",
                "QQP/test.tsv", "id\tquestion1\tquestion2\n0\tA?\tB?\n"));
    }

    static byte[] snli() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String split : new String[] {"train", "dev", "test"}) {
            entries.put("snli_1.0/snli_1.0_" + split + ".jsonl",
                    snliLine("entailment", "A man runs in " + split + ".", "A person moves.")
                            + snliLine("contradiction", "A dog sleeps.", "A dog runs.")
                            + snliLine("-", "Unclear.", "Unsure."));
            entries.put("snli_1.0/snli_1.0_" + split + ".txt", "gold_label\tsentence1\n");
        }
        entries.put("snli_1.0/README.txt", "SNLI 1.0");
        entries.put("__MACOSX/snli_1.0/._snli_1.0_dev.jsonl", "resource fork");
        return zip(entries);
    }

    static Map<String, byte[]> iwslt() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String split : new String[] {"train", "tst2012", "tst2013"}) {
            files.put(split + ".en", utf8("Thank you so much .\nHe said &quot; hello &quot; .\n"));
            files.put(split + ".vi", utf8("Cảm ơn rất nhiều .\nAnh ấy nói &quot; xin chào &quot; .\n"));
        }
        files.put("vocab.en", utf8("<unk>\n<s>\n</s>\nThank\nyou\n.\n"));
        files.put("vocab.vi", utf8("<unk>\n<s>\n</s>\nCảm\nơn\n.\n"));
        return files;
    }

    static byte[] text8() throws IOException {
        return zip(Map.of("text8", TEXT8));
    }

    /** Returns the lines of a checksum override file pinning every given file. */
    static String pins(Map<String, Map<String, byte[]>> tasks) {
        StringBuilder s = new StringBuilder("# fixtures' own checksums\n");
        for (Map<String, byte[]> files : tasks.values()) {
            files.forEach((name, bytes) -> s.append(pin(name, bytes)));
        }
        return s.toString();
    }

    static String pin(String name, byte[] bytes) {
        return name + "\t" + bytes.length + "\t" + Checksums.sha256(bytes) + "\n";
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String snliLine(String gold, String premise, String hypothesis) {
        return "{\"annotator_labels\": [\"" + gold + "\"], \"captionID\": \"1\", \"gold_label\": \"" + gold
                + "\", \"pairID\": \"1r1n\", \"sentence1\": \"" + premise + "\", \"sentence2\": \"" + hypothesis + "\"}\n";
    }

    private static byte[] idxImages(int count) throws IOException {
        byte[] pixels = new byte[count * 28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7);
        }
        Path temp = Files.createTempFile("idx", ".bin");
        try {
            IdxWriter.writeImages(temp, count, 28, 28, pixels);
            return Files.readAllBytes(temp);
        } finally {
            Files.delete(temp);
        }
    }

    private static byte[] idxLabels(int count) throws IOException {
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % 10);
        }
        Path temp = Files.createTempFile("idx", ".bin");
        try {
            IdxWriter.writeLabels(temp, labels);
            return Files.readAllBytes(temp);
        } finally {
            Files.delete(temp);
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
                zip.write(utf8(e.getValue()));
                zip.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void directory(TarArchiveOutputStream tar, String name) throws IOException {
        tar.putArchiveEntry(new TarArchiveEntry(name));
        tar.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream tar, String name, String text) throws IOException {
        byte[] bytes = utf8(text);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }
}
