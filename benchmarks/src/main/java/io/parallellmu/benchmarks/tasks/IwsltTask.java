package io.parallellmu.benchmarks.tasks;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset.Usage;
import ai.djl.training.loss.Loss;
import ai.djl.translate.TranslateException;
import io.parallellmu.datasets.iwslt.IwsltCorpus;
import io.parallellmu.datasets.iwslt.IwsltDataset;
import io.parallellmu.datasets.text.TextVocabulary;
import io.parallellmu.metrics.Accuracy;
import io.parallellmu.metrics.CorpusBleu;
import io.parallellmu.metrics.Metric;
import io.parallellmu.models.Decoding;
import io.parallellmu.models.Seq2SeqModel;
import io.parallellmu.models.TaskSpec;
import io.parallellmu.reports.schema.TaskId;
import io.parallellmu.train.MaskedSoftmaxCrossEntropyLoss;
import io.parallellmu.zoo.TaskMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * IWSLT'15 English→Vietnamese (or the gettext stand-in): teacher-forced training with masked cross-entropy,
 * token accuracy on validation, and corpus BLEU-4 of greedy translations of the test split against its
 * references (uncut, entities decoded) as the test metric.
 */
public final class IwsltTask implements BenchmarkTask {

    /** {@inheritDoc} */
    @Override
    public TaskId id() {
        return TaskId.IWSLT15_EN_VI;
    }


    /** {@inheritDoc} */
    @Override
    public TaskData load(DataRequest request) throws IOException {
        IwsltDataset train = split(request, Usage.TRAIN);
        IwsltDataset validation = split(request, Usage.VALIDATION);
        IwsltDataset test = split(request, Usage.TEST);
        TextVocabulary source = train.sourceVocabulary();
        TextVocabulary target = train.targetVocabulary();
        Subsets.Subset testSubset = Sizing.subset(test, Usage.TEST, request.settings(), request, d -> d);
        List<List<String>> references = new ArrayList<>();
        for (long index : testSubset.indices()) {
            references.add(test.references().get((int) index));
        }
        return new TaskData(TaskSpec.translation((int) source.size(), (int) target.size()),
                Sizing.subset(train, Usage.TRAIN, request), Sizing.subset(validation, Usage.VALIDATION, request),
                testSubset.dataset(), train.provenance(), request.settings().length(),
                TaskMetadata.sequence(source.tokens(), target.tokens()), new References(test, references));
    }

    private static IwsltDataset split(DataRequest request, Usage usage) throws IOException {
        TaskSettings settings = request.settings();
        IwsltDataset dataset = Sizing.sampled(IwsltDataset.builder(), settings)
                .optUsage(usage)
                .optDataDir(request.dataDir())
                .optSource(request.source())
                .optManager(request.manager())
                .optLog(request.log())
                .optSourceVocabularySize(settings.vocabulary())
                .optTargetVocabularySize(settings.vocabulary())
                .optMaxSourceLength(settings.length())
                .optMaxTargetLength(settings.length())
                .build();
        dataset.prepare(null);
        return dataset;
    }

    /** {@inheritDoc} */
    @Override
    public Loss loss() {
        return new MaskedSoftmaxCrossEntropyLoss();
    }

    /** {@inheritDoc} */
    @Override
    public Supplier<Metric> validationMetric() {
        return Accuracy::new;
    }

    /** Translates the test split greedily (at most the profile's length in tokens) and scores corpus BLEU-4. */
    @Override
    public TestScore evaluate(Model model, TaskData data) {
        References test = (References) data.testContext();
        List<List<String>> references = test.references();
        Seq2SeqModel translator = (Seq2SeqModel) model.getBlock();
        ParameterStore parameters = new ParameterStore(model.getNDManager(), false);
        CorpusBleu bleu = new CorpusBleu();
        int record = 0;
        try {
            for (Batch batch : data.test().getData(model.getNDManager())) {
                try (batch) {
                    NDList inputs = batch.getData();
                    int maxLength = (int) inputs.get(2).getShape().get(1);
                    List<long[]> translations = Decoding.greedy(translator, parameters, inputs.get(0), inputs.get(1),
                            TextVocabulary.BOS_ID, TextVocabulary.EOS_ID, maxLength);
                    for (long[] ids : translations) {
                        bleu.add(test.corpus().detokenize(toInts(ids)), String.join(" ", references.get(record++)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TranslateException e) {
            throw new IllegalStateException("translating the test split failed: " + e.getMessage(), e);
        }
        return new TestScore("bleu", 100 * bleu.bleu(), true);
    }

    /** The test subset's references (in subset order) and the corpus that detokenises translations. */
    private record References(IwsltDataset corpus, List<List<String>> references) {}

    private static int[] toInts(long[] ids) {
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = (int) ids[i];
        }
        return out;
    }

    /** {@inheritDoc} */
    @Override
    public String howToProvide(Path dataDir) {
        return "put the Stanford NMT release's " + String.join(", ", IwsltCorpus.FILES) + " in "
                + dataDir.resolve(IwsltDataset.TASK);
    }
}
