package io.parallellmu.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import io.parallellmu.nn.CarriedStates;

/**
 * The character language model of a family whose state is carried ({@link FamilyConfig#carriesState}): a
 * {@link SequenceModel}, saved and loaded as one, that can also run a window after the previous one's state.
 */
public final class RecurrentLanguageModel extends SequenceModel implements CarriesState {

    /**
     * Assembles the model.
     *
     * @param embedding the token embedding
     * @param encoder the causal encoder, whose every layer carries its state
     * @param vocabulary the vocabulary size V
     */
    public RecurrentLanguageModel(TokenEmbedding embedding, SequenceEncoder encoder, int vocabulary) {
        super(embedding, encoder, vocabulary);
    }

    /** {@inheritDoc} */
    @Override
    public NDArray forwardCarrying(ParameterStore parameterStore, NDArray tokens, CarriedStates states) {
        return states.during(() -> forward(parameterStore, new NDList(tokens), false).head());
    }
}
