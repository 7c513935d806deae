package io.parallellmu.benchmarks.tasks;

import ai.djl.training.dataset.Dataset.Usage;
import io.parallellmu.datasets.imdb.ImdbDataset;
import io.parallellmu.datasets.text.TextVocabulary;
import io.parallellmu.datasets.text.WordTaskDataset;
import io.parallellmu.models.TaskSpec;
import io.parallellmu.reports.schema.TaskId;
import java.nio.file.Path;

/** IMDB sentiment (or the SpamAssassin ham/spam stand-in): two classes, test metric accuracy. */
public final class ImdbTask extends WordTask {

    /** {@inheritDoc} */
    @Override
    public TaskId id() {
        return TaskId.IMDB;
    }

    @Override
    WordTaskDataset dataset(DataRequest request, Usage usage, TextVocabulary vocabulary) {
        return configure(ImdbDataset.builder(), request, usage, vocabulary).build();
    }

    @Override
    TaskSpec spec(int vocabularySize) {
        return TaskSpec.textClassification(vocabularySize, 2);
    }

    /** {@inheritDoc} */
    @Override
    public String howToProvide(Path dataDir) {
        return "unpack aclImdb_v1.tar.gz into " + dataDir.resolve(ImdbDataset.TASK)
                + " so that aclImdb/{train,test}/{pos,neg}/*.txt exist";
    }
}
