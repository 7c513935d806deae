package io.parallellmu.benchmarks.tasks;

import ai.djl.training.dataset.Dataset.Usage;
import ai.djl.training.loss.Loss;
import io.parallellmu.datasets.text.TextVocabulary;
import io.parallellmu.datasets.text.WordTaskBuilder;
import io.parallellmu.datasets.text.WordTaskDataset;
import io.parallellmu.metrics.Accuracy;
import io.parallellmu.metrics.Metric;
import io.parallellmu.models.TaskSpec;
import io.parallellmu.text.WordTokenizer;
import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.zoo.TaskMetadata;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The frame of the word-level classification tasks (IMDB, QQP, SNLI): a vocabulary built from the training split
 * and reused for the others, sequences padded or cut to the profile's length, softmax cross-entropy, and accuracy.
 * The original LMU is not run on them: its sequential cost is not sane on documents.
 */
abstract class WordTask implements BenchmarkTask {

    /**
     * Builds one split.
     *
     * @param request the request
     * @param usage the split
     * @param vocabulary the training split's vocabulary, or {@code null} for the training split itself
     * @return the unprepared data set
     */
    abstract WordTaskDataset dataset(DataRequest request, Usage usage, TextVocabulary vocabulary);

    /**
     * Returns the task's shape for a vocabulary size.
     *
     * @param vocabularySize tokens, special ones included
     * @return the spec
     */
    abstract TaskSpec spec(int vocabularySize);

    /**
     * Returns the standard profile's data: every record, cut or padded to the task's length, for 3 epochs.
     *
     * @return the settings
     */
    abstract TaskSettings allData();

    /** {@inheritDoc} The {@link RunSettings#textEncoder} models on {@link #allData}. */
    @Override
    public RunSettings standard(ModelFamily family) {
        return RunSettings.textEncoder(id(), family, allData());
    }

    /** {@inheritDoc} The standard profile's data and models, for 10 epochs. */
    @Override
    public RunSettings paper(ModelFamily family) {
        return RunSettings.textEncoder(id(), family, allData().withEpochs(10));
    }

    /** {@inheritDoc} */
    @Override
    public TaskData load(DataRequest request) throws IOException {
        WordTaskDataset train = dataset(request, Usage.TRAIN, null);
        train.prepare(null);
        TextVocabulary vocabulary = train.vocabulary();
        WordTaskDataset validation = dataset(request, Usage.VALIDATION, vocabulary);
        validation.prepare(null);
        WordTaskDataset test = dataset(request, Usage.TEST, vocabulary);
        test.prepare(null);
        return new TaskData(spec((int) vocabulary.size()), Sizing.subset(train, Usage.TRAIN, request),
                Sizing.subset(validation, Usage.VALIDATION, request), Sizing.subset(test, Usage.TEST, request),
                train.provenance(), request.settings().length(), metadata(train, request.settings()),
                TestScoring.by(validationMetric()));
    }

    /**
     * Returns what a saved model of this task needs besides its weights; by default its vocabulary, for a model
     * used through raw token ids.
     *
     * @param train the prepared training split, whose vocabulary every split uses
     * @param settings the profile's settings
     * @return the metadata
     */
    TaskMetadata metadata(WordTaskDataset train, TaskSettings settings) {
        return TaskMetadata.sequence(train.vocabulary().tokens(), null);
    }

    /**
     * Returns a sentence-pair classifier's metadata: the vocabulary, the data set's own tokeniser and its settings,
     * and the class names; each text of a pair is encoded on its own, as {@code SentencePairDataset} does.
     *
     * @param train the prepared training split
     * @param settings the profile's settings
     * @param labels the class names, by label
     * @return the metadata
     */
    static TaskMetadata pairMetadata(WordTaskDataset train, TaskSettings settings, List<String> labels) {
        WordTokenizer tokenizer = WordTaskDataset.tokenizer();
        return TaskMetadata.textPairClassification(train.vocabulary().tokens(), labels,
                tokenizer.getClass().getName(), tokenizer.lowerCases(), TextVocabulary.UNK_ID, settings.length());
    }

    /**
     * Applies the request's source, directory, manager, sizes and vocabulary to a word task's builder.
     *
     * @param builder the builder
     * @param request the request
     * @param usage the split
     * @param vocabulary the vocabulary to reuse, or {@code null} to build one
     * @param <B> the builder's type
     * @return the builder
     */
    static <B extends WordTaskBuilder<B>> B configure(B builder, DataRequest request, Usage usage,
            TextVocabulary vocabulary) {
        TaskSettings settings = request.settings();
        B configured = Sizing.sampled(builder, settings)
                .optUsage(usage)
                .optDataDir(request.dataDir())
                .optSource(request.source())
                .optManager(request.manager())
                .optLog(request.log())
                .optVocabularySize(settings.vocabulary())
                .optMaxLength(settings.length());
        return vocabulary == null ? configured : configured.optVocabulary(vocabulary);
    }

    /** {@inheritDoc} */
    @Override
    public Loss loss() {
        return new ClassLabelLoss();
    }

    /** {@inheritDoc} */
    @Override
    public Supplier<Metric> validationMetric() {
        return Accuracy::new;
    }
}
