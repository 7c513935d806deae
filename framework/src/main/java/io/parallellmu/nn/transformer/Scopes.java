package io.parallellmu.nn.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Memory scoping for forward passes: temporaries live in a sub-manager that is closed when the pass ends.
 *
 * <p>Usage: open {@code NDManager scope = input.getManager().newSubManager()}, call {@link #attach}, compute, and
 * {@code scope.ret(output)} the outputs. Each distinct array is temp-attached once: attaching the same array twice
 * (as in self-attention, where query and memory are one array) would make the scope its "original" manager.
 */
public final class Scopes {

    private Scopes() {}

    /**
     * Temp-attaches every distinct array of the inputs to the scope; they return to their managers when it closes.
     *
     * @param scope the forward pass's sub-manager
     * @param inputs the forward pass's inputs
     */
    public static void attach(NDManager scope, NDList inputs) {
        Set<NDArray> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (NDArray array : inputs) {
            if (seen.add(array)) {
                array.tempAttach(scope);
            }
        }
    }
}
