package io.parallellmu.datasets.fetch.official;

import io.parallellmu.datasets.fetch.Unpacking;
import io.parallellmu.datasets.imdb.ImdbDataset;
import io.parallellmu.datasets.iwslt.IwsltDataset;
import io.parallellmu.datasets.mnist.PermutedMnist;
import io.parallellmu.datasets.qqp.QqpDataset;
import io.parallellmu.datasets.snli.SnliDataset;
import io.parallellmu.datasets.text8.Text8Dataset;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The one table of official data sources: for each task with downloadable data, the canonical URL of each
 * file and its public mirrors, the pinned size and checksums, and where each checksum was published. This is
 * the only place in the project where the hosts of the official data appear. Mackey-Glass is generated, so it
 * has no entry. The package documentation cites each source with its licence or terms.
 */
public final class OfficialSources {

    private static final long MIB = 1L << 20;

    private static final String TORCHVISION_MNIST =
            "SHA-256 and size: TensorFlow Datasets, tensorflow_datasets/url_checksums/mnist.txt;"
                    + " MD5: torchvision, torchvision/datasets/mnist.py (MNIST.resources)";
    private static final String HF_IWSLT =
            "Hugging Face datasets, datasets/mt_eng_vietnamese/dataset_infos.json (download_checksums)";
    private static final String IWSLT_BASE = "https://nlp.stanford.edu/projects/nmt/data/iwslt15.en-vi/";

    private static final List<OfficialDataset> ALL =
            List.of(
                    new OfficialDataset(
                            PermutedMnist.OFFICIAL,
                            "MNIST (LeCun, Cortes and Burges)",
                            "No licence stated by the authors; widely redistributed for research (torchvision and"
                                    + " TensorFlow Datasets mirror it). Home: http://yann.lecun.com/exdb/mnist/",
                            List.of(
                                    mnist("train-images-idx3-ubyte.gz", 9912422,
                                            "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                                            "f68b3c2dcbeaaa9fbdd348bbdeb94873"),
                                    mnist("train-labels-idx1-ubyte.gz", 28881,
                                            "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
                                            "d53e105ee54ea40749a09fcbcd1e9432"),
                                    mnist("t10k-images-idx3-ubyte.gz", 1648877,
                                            "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                                            "9fb629c4189551a2d022fa330f9573f3"),
                                    mnist("t10k-labels-idx1-ubyte.gz", 4542,
                                            "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
                                            "ec29112dd5afa0611ce80d1b7f02629c")),
                            Unpacking.none()),
                    new OfficialDataset(
                            ImdbDataset.OFFICIAL,
                            "Large Movie Review Dataset v1.0 (Maas et al., ACL 2011)",
                            "Free for research use; cite Maas et al. (2011). Home:"
                                    + " https://ai.stanford.edu/~amaas/data/sentiment/",
                            List.of(
                                    new OfficialFile(
                                            "aclImdb_v1.tar.gz",
                                            urls("http://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz"),
                                            84125825,
                                            "c40f74a18d3b61f90feba1e17730e0d38e8b97c05fde7008942e91923d1658fe",
                                            null,
                                            "TensorFlow Datasets, tensorflow_datasets/datasets/imdb_reviews/checksums.tsv")),
                            new Unpacking(Unpacking.Format.TAR_GZ, "", 1024 * MIB)),
                    new OfficialDataset(
                            QqpDataset.OFFICIAL,
                            "Quora Question Pairs, as released in GLUE (Wang et al., ICLR 2019)",
                            "Quora's terms for the First Quora Dataset Release (non-commercial use; see"
                                    + " https://www.quora.com/about/tos); GLUE home: https://gluebenchmark.com/",
                            List.of(
                                    new OfficialFile(
                                            "QQP-clean.zip",
                                            urls("https://dl.fbaipublicfiles.com/glue/data/QQP-clean.zip"),
                                            41696084,
                                            "40e7c862c04eb26ee04b67fd900e76c45c6ba8e6d8fab4f8f1f8072a1a3fbae0",
                                            null,
                                            "Hugging Face datasets, datasets/glue/dataset_infos.json (qqp download_checksums)")),
                            new Unpacking(Unpacking.Format.ZIP, "QQP/", 512 * MIB)),
                    new OfficialDataset(
                            SnliDataset.OFFICIAL,
                            "Stanford Natural Language Inference corpus 1.0 (Bowman et al., EMNLP 2015)",
                            "Creative Commons Attribution-ShareAlike 4.0. Home: https://nlp.stanford.edu/projects/snli/",
                            List.of(
                                    new OfficialFile(
                                            "snli_1.0.zip",
                                            urls("https://nlp.stanford.edu/projects/snli/snli_1.0.zip"),
                                            94550081,
                                            "afb3d70a5af5d8de0d9d81e2637e0fb8c22d1235c2749d83125ca43dab0dbd3e",
                                            null,
                                            "TensorFlow Datasets, tensorflow_datasets/url_checksums/snli.txt")),
                            new Unpacking(Unpacking.Format.ZIP, "snli_1.0/", 1024 * MIB)),
                    new OfficialDataset(
                            IwsltDataset.OFFICIAL,
                            "IWSLT'15 English-Vietnamese, Stanford NMT release (Luong and Manning, IWSLT 2015)",
                            "TED talk transcripts under TED's terms (CC BY-NC-ND 4.0), as redistributed by IWSLT and"
                                    + " Stanford NMT. Home: https://nlp.stanford.edu/projects/nmt/",
                            List.of(
                                    iwslt("train.en", 13603614, "c26dfeed74b6bf3752f5ca552f2412456f0de153f7c804df8717931fb3a5c78a"),
                                    iwslt("train.vi", 18074646, "707206edf2dc0280273952c7b70544ea8a1363aa69aaeb9d70514b888dc3067d"),
                                    iwslt("tst2012.en", 140250, "b8fbcd0d4199d41276421d1f7228298df67dd9e2c5c134c2ee8cdf3ec27801e2"),
                                    iwslt("tst2012.vi", 188396, "01004078b3f36b0c46e81b65fc6851230b3c823405c76d1d82ef3b786b512ff0"),
                                    iwslt("tst2013.en", 132264, "3860ce60bc5b85d96cc2d3d580cf1bc9d62440e939c1b964676d3607c4e8f1df"),
                                    iwslt("tst2013.vi", 183855, "29af16842808da2812b8fd4d47fc05d082ba870e60ab7755090ad04b380994cd"),
                                    iwsltVocabulary("vocab.en"),
                                    iwsltVocabulary("vocab.vi")),
                            Unpacking.none()),
                    new OfficialDataset(
                            Text8Dataset.OFFICIAL,
                            "text8, the first 10^8 characters of cleaned English Wikipedia (Mahoney, 2006)",
                            "Derived from Wikipedia text: CC BY-SA (Wikipedia's licence). Home:"
                                    + " http://mattmahoney.net/dc/textdata.html",
                            List.of(
                                    new OfficialFile(
                                            "text8.zip",
                                            urls("http://mattmahoney.net/dc/text8.zip", "https://data.deepai.org/text8.zip"),
                                            31344016,
                                            null,
                                            null,
                                            "Size only: TensorFlow's word2vec tutorial,"
                                                    + " tensorflow/examples/tutorials/word2vec/word2vec_basic.py"
                                                    + " (maybe_download('text8.zip', 31344016)); no checksum is published")),
                            new Unpacking(Unpacking.Format.ZIP, "", 128 * MIB)));

    private OfficialSources() {}

    /**
     * Returns every task's official data, as published (without overrides).
     *
     * @return the table, in task order
     */
    public static List<OfficialDataset> all() {
        return ALL;
    }

    /**
     * Finds a task's entry.
     *
     * @param task the task id
     * @return its entry, or empty when the task has nothing to download (Mackey-Glass) or is unknown
     */
    public static Optional<OfficialDataset> forTask(String task) {
        return ALL.stream().filter(d -> d.task().equals(task)).findFirst();
    }

    private static OfficialFile mnist(String name, long size, String sha256, String md5) {
        return new OfficialFile(
                name,
                urls(
                        "http://yann.lecun.com/exdb/mnist/" + name,
                        "https://ossci-datasets.s3.amazonaws.com/mnist/" + name,
                        "https://storage.googleapis.com/cvdf-datasets/mnist/" + name),
                size,
                sha256,
                md5,
                TORCHVISION_MNIST);
    }

    private static OfficialFile iwslt(String name, long size, String sha256) {
        return new OfficialFile(name, urls(IWSLT_BASE + name), size, sha256, null, HF_IWSLT);
    }

    private static OfficialFile iwsltVocabulary(String name) {
        return new OfficialFile(
                name,
                urls(IWSLT_BASE + name),
                OfficialFile.UNKNOWN_SIZE,
                null,
                null,
                "none found published (Hugging Face datasets' mt_eng_vietnamese does not download the vocabularies)");
    }

    private static List<URI> urls(String... urls) {
        return List.of(urls).stream().map(URI::create).toList();
    }
}
