package io.parallellmu.benchmarks.tasks;

import com.google.auto.service.AutoService;
import io.parallellmu.vocabulary.TaskId;
import ai.djl.training.dataset.Dataset.Usage;
import io.parallellmu.datasets.OfficialLayout;
import io.parallellmu.datasets.snli.SnliDataset;
import io.parallellmu.datasets.text.TextVocabulary;
import io.parallellmu.datasets.snli.SnliJsonl;
import io.parallellmu.datasets.text.WordTaskDataset;
import io.parallellmu.models.TaskSpec;
import io.parallellmu.zoo.TaskMetadata;

/** SNLI (or its synthetic stand-in): entailment, neutral or contradiction, test metric accuracy. */
@AutoService(BenchmarkTask.class)
public final class SnliTask extends PairTask {

    /** {@inheritDoc} */
    @Override
    public TaskId id() {
        return TaskId.SNLI;
    }

    @Override
    WordTaskDataset dataset(DataRequest request, Usage usage, TextVocabulary vocabulary) {
        return configure(SnliDataset.builder(), request, usage, vocabulary).build();
    }

    /** A sentence-pair classifier over the data set's labels. */
    @Override
    TaskMetadata metadata(WordTaskDataset train, TaskSettings settings) {
        return pairMetadata(train, settings, SnliJsonl.LABELS);
    }

    @Override
    TaskSpec spec(int vocabularySize) {
        return TaskSpec.pairClassification(vocabularySize, 3);
    }

    /** {@inheritDoc} */
    @Override
    public OfficialLayout official() {
        return SnliDataset.OFFICIAL;
    }
}
