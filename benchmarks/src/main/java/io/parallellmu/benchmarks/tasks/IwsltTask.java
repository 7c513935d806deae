package io.parallellmu.benchmarks.tasks;

import com.google.auto.service.AutoService;
import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset.Usage;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.loss.Loss;
import ai.djl.translate.TranslateException;
import io.parallellmu.datasets.OfficialLayout;
import io.parallellmu.datasets.iwslt.IwsltDataset;
import io.parallellmu.datasets.text.TextVocabulary;
import io.parallellmu.metrics.Accuracy;
import io.parallellmu.metrics.CorpusBleu;
import io.parallellmu.metrics.Metric;
import io.parallellmu.models.BeamSettings;
import io.parallellmu.models.Decoding;
import io.parallellmu.models.Seq2SeqModel;
import io.parallellmu.models.TaskSpec;
import io.parallellmu.models.TransformerConfig;
import io.parallellmu.train.MaskedSoftmaxCrossEntropyLoss;
import io.parallellmu.zoo.TaskMetadata;
import io.parallellmu.zoo.Translation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * IWSLT'15 English→Vietnamese (or the gettext stand-in): teacher-forced training with masked cross-entropy,
 * token accuracy on validation, and corpus BLEU-4 of translations of the test split (tst2013 in the official
 * release) against its references (the release's tokenised text, uncut, entities decoded) as the test metric.
 * With a beam width in the settings (the paper profile: 10, as TF-NMT's IWSLT'15 En-Vi recipe), the test sources are
 * not cut and each is translated by beam search ranked by log P / lp(n) with the GNMT length penalty at α = 1
 * (TF-NMT's {@code length_penalty_weight} 1.0), up to 2·Ls + 10 tokens; otherwise (quick) greedily, with sources
 * cut to the profile's length and translations to the target length.
 */
@AutoService(BenchmarkTask.class)
public final class IwsltTask implements BenchmarkTask {

    /** The standard profile's data: every sentence pair, both sides cut or padded to 50 tokens, for 5 epochs. */
    private static final TaskSettings ALL_DATA = TaskSettings.limits(0, 0, 0).length(50).vocabulary(17_191)
            .batchSize(64).epochs(5).learningRate(0.001f);

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
                translation(source, target, request.settings()), new BleuScoring(test, references,
                request.settings().beamWidth()));
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
                .optMaxSourceLength(usage == Usage.TEST && settings.beamWidth() > 0 ? 0 : settings.length())
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

    /** Length penalty α of the beam search (GNMT's lp(n) = ((5 + n) / 6)^α; TF-NMT's IWSLT'15 recipe uses 1.0). */
    static final double LENGTH_PENALTY = 1.0;

    /**
     * Translates the test split (greedily, or by beam search when the beam width is positive) and scores corpus
     * BLEU-4 against the references.
     *
     * @param corpus the test split's data set, which detokenises translations
     * @param references the test subset's references, in subset order
     * @param beamWidth the beam width, 0 for greedy decoding
     */
    private record BleuScoring(IwsltDataset corpus, List<List<String>> references, int beamWidth)
            implements TestScoring {

        @Override
        public TestScore score(Model model, RandomAccessDataset test) {
            Seq2SeqModel translator = (Seq2SeqModel) model.getBlock();
            ParameterStore parameters = new ParameterStore(model.getNDManager(), false);
            CorpusBleu bleu = new CorpusBleu();
            int record = 0;
            try {
                for (Batch batch : test.getData(model.getNDManager())) {
                    try (batch) {
                        List<long[]> translations = translate(translator, parameters, batch.getData(), beamWidth);
                        for (long[] ids : translations) {
                            bleu.add(corpus.detokenize(toInts(ids)), String.join(" ", references.get(record++)));
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
    }

    private static List<long[]> translate(Seq2SeqModel translator, ParameterStore parameters, NDList inputs,
            int beamWidth) {
        if (beamWidth == 0) {
            int maxLength = (int) inputs.get(2).getShape().get(1);
            return Decoding.greedy(translator, parameters, inputs.get(0), inputs.get(1), TextVocabulary.BOS_ID,
                    TextVocabulary.EOS_ID, maxLength);
        }
        int maxLength = 2 * (int) inputs.get(0).getShape().get(1) + 10;
        return Decoding.beamSearch(translator, parameters, inputs.get(0), inputs.get(1), TextVocabulary.BOS_ID,
                TextVocabulary.EOS_ID, new BeamSettings(beamWidth, LENGTH_PENALTY, maxLength));
    }

    private static int[] toInts(long[] ids) {
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = (int) ids[i];
        }
        return out;
    }

    /**
     * The translator's metadata: the data set's tokeniser, sources cut as in training (uncut when the
     * profile decodes by beam search), and the profile's beam width, or {@link #ZOO_BEAM_WIDTH} for a greedy one.
     */
    private static Translation translation(TextVocabulary source, TextVocabulary target, TaskSettings settings) {
        boolean beam = settings.beamWidth() > 0;
        return TaskMetadata.translation(source.tokens(), target.tokens(), IwsltDataset.tokenizer().getClass()
                .getName(), IwsltDataset.tokenizer().lowerCases(), TextVocabulary.UNK_ID, beam ? Integer.MAX_VALUE
                : settings.length(), TextVocabulary.BOS_ID, TextVocabulary.EOS_ID,
                beam ? settings.beamWidth() : ZOO_BEAM_WIDTH, (float) LENGTH_PENALTY);
    }

    /** The zoo translator's beam width for a model of a profile that decodes greedily. */
    static final int ZOO_BEAM_WIDTH = 4;

    /** {@inheritDoc} */
    @Override
    public OfficialLayout official() {
        return IwsltDataset.OFFICIAL;
    }

    /** {@inheritDoc} */
    @Override
    public RunSettings tiny(ModelFamily family) {
        return RunSettings.tinyText(family, 10, 300);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The one-layer transformer without dropout overfit by epoch 5 (BLEU 1.9); two layers with the usual dropout
     * 0.1 reach 4.1; D 64 (its own embeddings) so that it has no fewer parameters than the LMU. The (cut) test
     * sources are translated greedily: quick shows learning, the paper profile decodes as NMT does.
     */
    @Override
    public RunSettings quick(ModelFamily family) {
        return RunSettings.of(TaskSettings.limits(3000, 200, 200).length(12).vocabulary(1500)
                .batchSize(100).epochs(20).learningRate(0.005f),
                family == ModelFamily.TRANSFORMER ? new TransformerConfig(64, 4, 2, 128, 0.1f)
                        : RunSettings.small(family, 12, 64, 96), 64, 96);
    }

    /** {@inheritDoc} */
    @Override
    public RunSettings standard(ModelFamily family) {
        return RunSettings.textEncoder(id(), family, ALL_DATA);
    }

    /**
     * {@inheritDoc} The standard profile's data and models for 15 epochs, the test split translated by beam search
     * of width 10 on uncut sources.
     */
    @Override
    public RunSettings paper(ModelFamily family) {
        return RunSettings.textEncoder(id(), family, ALL_DATA.withEpochs(15).withBeamSearch(10));
    }
}
