package io.parallellmu.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/** Concatenation that keeps the autograd graph for a list of one array. */
final class Concat {

    private Concat() {}

    /**
     * Concatenates along an axis. DJL's {@link NDArrays#concat(NDList, int)} returns a duplicate of a single array,
     * which PyTorch detaches from the graph: the gradient of everything before it would be lost, as it was for a
     * one-step sequence or a final state.
     *
     * @param arrays at least one array
     * @param axis the axis
     * @return the concatenation, in the graph
     */
    static NDArray inGraph(NDList arrays, int axis) {
        return arrays.size() == 1 ? arrays.singletonOrThrow() : NDArrays.concat(arrays, axis);
    }
}
