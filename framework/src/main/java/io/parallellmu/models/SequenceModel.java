package io.parallellmu.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.parallellmu.nn.transformer.Scopes;

/**
 * Optional token embedding → {@link SequenceEncoder} → linear head: the model for sequence classification,
 * sequence regression and causal language modelling.
 *
 * <p>Inputs: {@code [x (B, L, F)]} for real-valued inputs, {@code [tokens (B, L)]} or {@code [tokens, lengths (B)]}
 * for token inputs. Output: (B, outputs) when the encoder pools, (B, L, outputs) when it keeps every step.
 */
public class SequenceModel extends AbstractBlock {

    private static final byte VERSION = 1;

    private final TokenEmbedding embedding;
    private final SequenceEncoder encoder;
    private final Linear head;

    /**
     * Assembles the model.
     *
     * @param embedding the token embedding, or {@code null} for real-valued inputs
     * @param encoder the sequence encoder
     * @param outputs classes, regression outputs or vocabulary size
     */
    public SequenceModel(TokenEmbedding embedding, SequenceEncoder encoder, int outputs) {
        super(VERSION);
        this.embedding = embedding == null ? null : addChildBlock("embedding", embedding);
        this.encoder = addChildBlock("encoder", encoder);
        head = addChildBlock("head", Linear.builder().setUnits(outputs).build());
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0); // (B, L, F) or (B, L) ids
        try (NDManager scope = x.getManager().newSubManager()) {
            Scopes.attach(scope, inputs);
            NDArray features = embedding == null ? x : embedding.forward(parameterStore, new NDList(x), training).head();
            NDList encoderInputs = new NDList(features); // (B, L, F|E)
            if (inputs.size() > 1) {
                encoderInputs.add(inputs.get(1));
            }
            NDArray encoded = encoder.forward(parameterStore, encoderInputs, training).head(); // (B, H) or (B, L, H)
            NDArray out = head.forward(parameterStore, new NDList(encoded), training).head();
            scope.ret(out);
            return new NDList(out);
        }
    }

    private Shape[] encoderInputShapes(Shape[] inputShapes) {
        Shape features = embedding == null ? inputShapes[0] : embedding.getOutputShapes(inputShapes)[0];
        return inputShapes.length > 1 ? new Shape[] {features, inputShapes[1]} : new Shape[] {features};
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        if (embedding != null) {
            embedding.initialize(manager, dataType, inputShapes[0]);
        }
        Shape[] encoderInputs = encoderInputShapes(inputShapes);
        encoder.initialize(manager, dataType, encoderInputs);
        head.initialize(manager, dataType, encoder.getOutputShapes(encoderInputs));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return head.getOutputShapes(encoder.getOutputShapes(encoderInputShapes(inputShapes)));
    }
}
