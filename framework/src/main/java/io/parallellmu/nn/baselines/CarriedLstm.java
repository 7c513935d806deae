package io.parallellmu.nn.baselines;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import io.parallellmu.nn.CarriedStates;

/**
 * Runs DJL's {@link LSTM} (one way, batch first, built with {@code optReturnState(true)}) on a window from the
 * states (h, c) it left after the previous one, and records the states after this one: DJL's block takes its begin
 * states as inputs and cannot read {@link CarriedStates} itself.
 */
public final class CarriedLstm {

    private CarriedLstm() {}

    /**
     * Runs the LSTM on a window from its carried states.
     *
     * @param lstm the LSTM, built with {@code optReturnState(true)} and {@code optBatchFirst(true)}
     * @param parameterStore the parameter store
     * @param x the window, (B, L, F)
     * @param carried the carried states: (h, c) as (B, layers, H) each, batch first
     * @param training whether gradients are wanted
     * @return the outputs, (B, L, H)
     * @throws IllegalStateException if the LSTM does not return its states
     */
    public static NDArray forward(
            ParameterStore parameterStore, LSTM lstm, NDArray x, CarriedStates carried, boolean training) {
        NDList before = carried.before(lstm);
        NDList inputs = before == null ? new NDList(x) : new NDList(x, layersFirst(before.get(0)), layersFirst(before.get(1)));
        NDList out = lstm.forward(parameterStore, inputs, training); // [y (B, L, H), h, c (layers, B, H)]
        if (out.size() < 3) {
            throw new IllegalStateException("an LSTM whose state is carried must be built with optReturnState(true)");
        }
        carried.after(lstm, new NDList(out.get(1).transpose(1, 0, 2), out.get(2).transpose(1, 0, 2)));
        return out.head();
    }

    /** (B, layers, H) to the (layers, B, H) that the LSTM takes, contiguous (as cuDNN wants its begin states). */
    private static NDArray layersFirst(NDArray state) {
        Shape shape = state.getShape();
        return state.transpose(1, 0, 2).reshape(shape.get(1), shape.get(0), shape.get(2));
    }
}
