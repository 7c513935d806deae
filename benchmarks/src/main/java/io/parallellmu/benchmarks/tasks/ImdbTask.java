package io.parallellmu.benchmarks.tasks;

import io.parallellmu.vocabulary.TaskId;
import ai.djl.training.dataset.Dataset.Usage;
import io.parallellmu.datasets.OfficialLayout;
import io.parallellmu.datasets.imdb.ImdbDataset;
import io.parallellmu.datasets.text.TextVocabulary;
import io.parallellmu.datasets.text.WordTaskDataset;
import io.parallellmu.text.WordTokenizer;
import io.parallellmu.models.TaskSpec;
import io.parallellmu.zoo.TaskMetadata;

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

    /** A text classifier: the vocabulary, the data set's own tokeniser and its settings, and the class names. */
    @Override
    TaskMetadata metadata(WordTaskDataset train, TaskSettings settings) {
        WordTokenizer tokenizer = WordTaskDataset.tokenizer();
        return TaskMetadata.textClassification(train.vocabulary().tokens(), ((ImdbDataset) train).classNames(),
                tokenizer.getClass().getName(), tokenizer.lowerCases(), TextVocabulary.UNK_ID, settings.length());
    }

    @Override
    TaskSpec spec(int vocabularySize) {
        return TaskSpec.textClassification(vocabularySize, 2);
    }

    /** {@inheritDoc} */
    @Override
    public OfficialLayout official() {
        return ImdbDataset.OFFICIAL;
    }
}
