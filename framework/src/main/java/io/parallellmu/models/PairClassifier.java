package io.parallellmu.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.parallellmu.nn.transformer.Scopes;

/**
 * Sentence-pair classifier: one shared encoder reads each sentence into u and v, then an MLP classifies
 * [u; v; |u − v|; u ⊙ v] (Conneau et al., 2017).
 *
 * <p>Inputs: {@code [a (B, La) ids, aLengths (B), b (B, Lb) ids, bLengths (B)]}. Output: logits (B, classes).
 */
public final class PairClassifier extends AbstractBlock {

    private static final byte VERSION = 1;

    private final TokenEmbedding embedding;
    private final SequenceEncoder encoder;
    private final Linear hidden;
    private final Linear output;
    private final float dropout;
    private final int classes;

    /**
     * Assembles the model.
     *
     * @param embedding the shared token embedding
     * @param encoder the shared encoder, pooling to (B, H)
     * @param hiddenSize the MLP's hidden width
     * @param classes number of classes
     * @param dropout dropout before the output layer, in [0, 1)
     */
    public PairClassifier(TokenEmbedding embedding, SequenceEncoder encoder, int hiddenSize, int classes,
            float dropout) {
        super(VERSION);
        this.embedding = addChildBlock("embedding", embedding);
        this.encoder = addChildBlock("encoder", encoder);
        hidden = addChildBlock("hidden", Linear.builder().setUnits(hiddenSize).build());
        output = addChildBlock("output", Linear.builder().setUnits(classes).build());
        this.dropout = dropout;
        this.classes = classes;
    }

    private NDArray encode(ParameterStore parameterStore, NDArray tokens, NDArray lengths, boolean training) {
        NDArray embedded = embedding.forward(parameterStore, new NDList(tokens), training).head(); // (B, L, E)
        return encoder.forward(parameterStore, new NDList(embedded, lengths), training).head(); // (B, H)
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        try (NDManager scope = inputs.get(0).getManager().newSubManager()) {
            Scopes.attach(scope, inputs);
            NDArray u = encode(parameterStore, inputs.get(0), inputs.get(1), training); // (B, H)
            NDArray v = encode(parameterStore, inputs.get(2), inputs.get(3), training); // (B, H)
            NDArray features = u.concat(v, 1).concat(u.sub(v).abs(), 1).concat(u.mul(v), 1); // (B, 4H)
            NDArray h = Activation.relu(hidden.forward(parameterStore, new NDList(features), training).head());
            h = Dropout.dropout(h, dropout, training).head(); // (B, hidden)
            NDArray out = output.forward(parameterStore, new NDList(h), training).head(); // (B, classes)
            scope.ret(out);
            return new NDList(out);
        }
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        embedding.initialize(manager, dataType, inputShapes[0]);
        Shape[] encoderInputs = {embedding.getOutputShapes(new Shape[] {inputShapes[0]})[0], inputShapes[1]};
        encoder.initialize(manager, dataType, encoderInputs);
        Shape encoded = encoder.getOutputShapes(encoderInputs)[0]; // (B, H)
        Shape features = new Shape(encoded.get(0), 4 * encoded.get(1));
        hidden.initialize(manager, dataType, features);
        output.initialize(manager, dataType, hidden.getOutputShapes(new Shape[] {features}));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
    }
}
