package io.parallellmu.benchmarks.tasks;

import io.parallellmu.vocabulary.TaskId;
import ai.djl.training.dataset.Dataset.Usage;
import io.parallellmu.datasets.qqp.QqpDataset;
import io.parallellmu.datasets.text.TextVocabulary;
import io.parallellmu.datasets.text.WordTaskDataset;
import io.parallellmu.models.TaskSpec;
import java.nio.file.Path;

/** Quora Question Pairs (or its synthetic stand-in): duplicate or not, test metric accuracy. */
public final class QqpTask extends WordTask {

    /** {@inheritDoc} */
    @Override
    public TaskId id() {
        return TaskId.QQP;
    }

    @Override
    WordTaskDataset dataset(DataRequest request, Usage usage, TextVocabulary vocabulary) {
        return configure(QqpDataset.builder(), request, usage, vocabulary).build();
    }

    @Override
    TaskSpec spec(int vocabularySize) {
        return TaskSpec.pairClassification(vocabularySize, 2);
    }

    /** {@inheritDoc} */
    @Override
    public String howToProvide(Path dataDir) {
        return "put GLUE's QQP " + String.join(" and ", QqpDataset.FILES) + " in " + dataDir.resolve(TaskId.QQP.id());
    }
}
