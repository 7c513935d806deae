package io.parallellmu.benchmarks.tasks;

import com.google.auto.service.AutoService;
import io.parallellmu.vocabulary.TaskId;
import ai.djl.training.dataset.Dataset.Usage;
import io.parallellmu.datasets.OfficialLayout;
import io.parallellmu.datasets.qqp.QqpDataset;
import io.parallellmu.datasets.text.TextVocabulary;
import io.parallellmu.datasets.text.WordTaskDataset;
import io.parallellmu.models.TaskSpec;
import io.parallellmu.zoo.TaskMetadata;

/** Quora Question Pairs (or its synthetic stand-in): duplicate or not, test metric accuracy. */
@AutoService(BenchmarkTask.class)
public final class QqpTask extends PairTask {

    /** {@inheritDoc} */
    @Override
    public TaskId id() {
        return TaskId.QQP;
    }

    @Override
    WordTaskDataset dataset(DataRequest request, Usage usage, TextVocabulary vocabulary) {
        return configure(QqpDataset.builder(), request, usage, vocabulary).build();
    }

    /** A sentence-pair classifier over the data set's labels. */
    @Override
    TaskMetadata metadata(WordTaskDataset train, TaskSettings settings) {
        return pairMetadata(train, settings, QqpDataset.CLASSES);
    }

    @Override
    TaskSpec spec(int vocabularySize) {
        return TaskSpec.pairClassification(vocabularySize, 2);
    }

    /** {@inheritDoc} */
    @Override
    public OfficialLayout official() {
        return QqpDataset.OFFICIAL;
    }
}
