package io.parallellmu.models;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import io.parallellmu.nn.CarriedStates;

/**
 * A causal language model whose recurrent state can be carried from one window of a text to the next, so that a
 * text cut into windows is scored exactly as one forward over the whole text. The recurrent families' character
 * language models ({@link RecurrentLanguageModel}) have it; the transformer, whose context is its input, does not.
 */
public interface CarriesState {

    /**
     * Runs one window after the states the previous window left.
     *
     * @param parameterStore the parameter store
     * @param tokens the window, (B, L) ids
     * @param states each layer's state before the window ({@link CarriedStates#zero} at the start of a text); the
     *     states after it are recorded there, for {@link CarriedStates#next}
     * @return the logits, (B, L, V)
     */
    NDArray forwardCarrying(ParameterStore parameterStore, NDArray tokens, CarriedStates states);
}
