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
import io.parallellmu.nn.Scalars;
import io.parallellmu.nn.transformer.Scopes;
import io.parallellmu.nn.transformer.TransformerDecoder;
import io.parallellmu.nn.transformer.TransformerEncoder;

/**
 * The pre-LayerNorm transformer encoder–decoder (Vaswani et al., 2017) with cross-attention. Token embeddings
 * have the model width and are scaled by √D before the sinusoidal positions are added.
 *
 * <p>Inputs and outputs are as in {@link Seq2SeqModel}.
 */
public final class TransformerTranslator extends AbstractBlock implements Seq2SeqModel {

    private static final byte VERSION = 1;

    private final float embeddingScale;
    private final TokenEmbedding sourceEmbedding;
    private final TransformerEncoder encoder;
    private final TokenEmbedding targetEmbedding;
    private final TransformerDecoder decoder;
    private final Linear output;
    private final int targetVocabulary;

    /**
     * Builds the model.
     *
     * @param config the transformer's settings (the same for both sides)
     * @param sourceVocabulary source vocabulary size
     * @param targetVocabulary target vocabulary size
     */
    public TransformerTranslator(TransformerConfig config, int sourceVocabulary, int targetVocabulary) {
        super(VERSION);
        embeddingScale = (float) Math.sqrt(config.modelSize());
        sourceEmbedding = addChildBlock("sourceEmbedding", new TokenEmbedding(sourceVocabulary, config.modelSize()));
        encoder = addChildBlock("encoder", TransformerEncoder.builder()
                .setModelSize(config.modelSize()).setHeads(config.heads()).setLayers(config.layers())
                .setFeedForwardSize(config.feedForwardSize()).optDropout(config.dropout()).build());
        targetEmbedding = addChildBlock("targetEmbedding", new TokenEmbedding(targetVocabulary, config.modelSize()));
        decoder = addChildBlock("decoder", TransformerDecoder.builder()
                .setModelSize(config.modelSize()).setHeads(config.heads()).setLayers(config.layers())
                .setFeedForwardSize(config.feedForwardSize()).optDropout(config.dropout()).build());
        output = addChildBlock("output", Linear.builder().setUnits(targetVocabulary).build());
        this.targetVocabulary = targetVocabulary;
    }

    /** {@inheritDoc} */
    @Override
    public NDList encode(ParameterStore parameterStore, NDArray source, NDArray sourceLengths) {
        return encode(parameterStore, source, sourceLengths, false);
    }

    private NDList encode(ParameterStore store, NDArray source, NDArray lengths, boolean training) {
        NDArray embedded = Scalars.times(sourceEmbedding.forward(store, new NDList(source), training).head(), embeddingScale);
        NDArray memory = encoder.forward(store, new NDList(embedded, lengths), training).head(); // (B, Ls, D)
        return new NDList(memory, lengths);
    }

    /** {@inheritDoc} */
    @Override
    public NDArray decode(ParameterStore parameterStore, NDList encoded, NDArray targetPrefix, boolean training) {
        NDArray embedded = Scalars.times(
                targetEmbedding.forward(parameterStore, new NDList(targetPrefix), training).head(), embeddingScale); // (B, t, D)
        NDArray states = decoder.forward(
                parameterStore, new NDList(embedded, encoded.get(0), encoded.get(1)), training).head(); // (B, t, D)
        return output.forward(parameterStore, new NDList(states), training).head(); // (B, t, V)
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        try (NDManager scope = inputs.get(0).getManager().newSubManager()) {
            Scopes.attach(scope, inputs);
            NDList encoded = encode(parameterStore, inputs.get(0), inputs.get(1), training);
            NDArray logits = decode(parameterStore, encoded, inputs.get(2), training);
            scope.ret(logits);
            return new NDList(logits);
        }
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape source = inputShapes[0];
        Shape target = inputShapes[2];
        sourceEmbedding.initialize(manager, dataType, source);
        Shape memory = sourceEmbedding.getOutputShapes(new Shape[] {source})[0];
        encoder.initialize(manager, dataType, memory, inputShapes[1]);
        targetEmbedding.initialize(manager, dataType, target);
        Shape states = targetEmbedding.getOutputShapes(new Shape[] {target})[0];
        decoder.initialize(manager, dataType, states, memory, inputShapes[1]);
        output.initialize(manager, dataType, states);
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[2].add(targetVocabulary)}; // (B, Lt, V)
    }
}
