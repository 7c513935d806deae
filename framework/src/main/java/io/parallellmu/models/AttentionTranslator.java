package io.parallellmu.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import ai.djl.nn.SequentialBlock;
import io.parallellmu.nn.LmuLayer;
import io.parallellmu.nn.transformer.Masks;
import io.parallellmu.nn.transformer.MultiHeadAttention;
import io.parallellmu.nn.transformer.Scopes;

/**
 * An encoder–decoder translator for recurrent families (LMU, LSTM), with attention over the encoder states
 * (Luong et al., 2015): the decoder's state h_t attends to the source memory, giving c_t, and
 * logits_t = W_o tanh(W_c [h_t; c_t]).
 *
 * <p>The decoder stack is causal, so under teacher forcing every target position is computed in one parallel pass.
 * At inference {@link Decoding} runs it autoregressively: an LMU decoder step by step through
 * {@link LmuLayer#step} (eq. 19 as a recurrence, O(1) per token), other decoders over the whole prefix. Inputs and
 * outputs are as in {@link Seq2SeqModel}.
 */
public final class AttentionTranslator extends AbstractBlock implements Seq2SeqModel {

    private static final byte VERSION = 1;

    private final TokenEmbedding sourceEmbedding;
    private final SequenceEncoder encoder;
    private final TokenEmbedding targetEmbedding;
    private final SequenceEncoder decoder;
    private final MultiHeadAttention attention;
    private final Linear combine;
    private final Linear output;
    private final int targetVocabulary;
    private final List<LmuLayer> stepLayers;

    /**
     * Assembles the model.
     *
     * @param sourceEmbedding source token embedding
     * @param encoder source encoder, keeping every step
     * @param targetEmbedding target token embedding
     * @param decoder causal target decoder, keeping every step, of width {@code decoderWidth}
     * @param decoderWidth H, the decoder's output width
     * @param combineSize width of the attention output layer
     * @param targetVocabulary V
     */
    public AttentionTranslator(TokenEmbedding sourceEmbedding, SequenceEncoder encoder, TokenEmbedding targetEmbedding,
            SequenceEncoder decoder, int decoderWidth, int combineSize, int targetVocabulary) {
        super(VERSION);
        this.sourceEmbedding = addChildBlock("sourceEmbedding", sourceEmbedding);
        this.encoder = addChildBlock("encoder", encoder);
        this.targetEmbedding = addChildBlock("targetEmbedding", targetEmbedding);
        this.decoder = addChildBlock("decoder", decoder);
        attention = addChildBlock("attention",
                MultiHeadAttention.builder().setModelSize(decoderWidth).setHeads(1).build());
        combine = addChildBlock("combine", Linear.builder().setUnits(combineSize).build());
        output = addChildBlock("output", Linear.builder().setUnits(targetVocabulary).build());
        this.targetVocabulary = targetVocabulary;
        this.stepLayers = lmuLayers(decoder);
    }

    /** Returns the decoder's LMU layers in order, or an empty list when its stack is not made of LMU layers only. */
    private static List<LmuLayer> lmuLayers(SequenceEncoder decoder) {
        Block stack = decoder.getStack();
        List<Block> blocks = stack instanceof SequentialBlock sequential
                ? new ArrayList<>(sequential.getChildren().values()) : List.of(stack);
        List<LmuLayer> layers = new ArrayList<>();
        for (Block block : blocks) {
            if (!(block instanceof LmuLayer layer) || !layer.isReturnSequences()) {
                return List.of();
            }
            layers.add(layer);
        }
        return List.copyOf(layers);
    }

    /** {@inheritDoc} */
    @Override
    public NDList encode(ParameterStore parameterStore, NDArray source, NDArray sourceLengths) {
        NDArray embedded = sourceEmbedding.forward(parameterStore, new NDList(source), false).head();
        return encodeEmbedded(parameterStore, embedded, sourceLengths, false);
    }

    private NDList encodeEmbedded(ParameterStore store, NDArray embedded, NDArray lengths, boolean training) {
        NDArray memory = encoder.forward(store, new NDList(embedded, lengths), training).head(); // (B, Ls, He)
        return new NDList(memory, lengths);
    }

    /** {@inheritDoc} */
    @Override
    public NDArray decode(ParameterStore parameterStore, NDList encoded, NDArray targetPrefix, boolean training) {
        NDArray embedded = targetEmbedding.forward(parameterStore, new NDList(targetPrefix), training).head();
        NDArray states = decoder.forward(parameterStore, new NDList(embedded), training).head(); // (B, t, H)
        return attendAndPredict(parameterStore, encoded, states, training); // (B, t, V)
    }

    /** {@inheritDoc} */
    @Override
    public boolean decodesStepByStep() {
        return !stepLayers.isEmpty();
    }

    /** {@inheritDoc} */
    @Override
    public NDList initialDecoderState(NDList encoded) {
        requireStepByStep();
        NDArray memory = encoded.get(0); // (B, Ls, He)
        long batch = memory.getShape().get(0);
        NDList state = new NDList();
        stepLayers.forEach(layer -> state.add(layer.initialState(memory, batch))); // each (B, C·d)
        return state;
    }

    /** {@inheritDoc} */
    @Override
    public NDList decodeStep(ParameterStore parameterStore, NDList encoded, NDList state, NDArray tokens) {
        requireStepByStep();
        NDArray embedded = targetEmbedding.forward(parameterStore, new NDList(tokens.expandDims(1)), false).head();
        NDArray h = embedded.squeeze(1); // (N, E)
        NDList next = new NDList();
        for (int i = 0; i < stepLayers.size(); i++) {
            NDList out = stepLayers.get(i).step(parameterStore, state.get(i), h); // eqs. 18–20 for one step
            h = out.get(0); // (N, H)
            next.add(out.get(1)); // (N, C·d)
        }
        NDArray logits = attendAndPredict(parameterStore, encoded, h.expandDims(1), false).squeeze(1); // (N, V)
        NDList result = new NDList(logits);
        result.addAll(next);
        return result;
    }

    private void requireStepByStep() {
        if (stepLayers.isEmpty()) {
            throw new UnsupportedOperationException("this translator's decoder is not an LMU stack: decode over prefixes");
        }
    }

    /** Attention over the source memory and the output layers: decoder states (B, t, H) to logits (B, t, V). */
    private NDArray attendAndPredict(ParameterStore parameterStore, NDList encoded, NDArray states, boolean training) {
        NDArray memory = encoded.get(0); // (B, Ls, He)
        NDArray bias = Masks.attentionBias(memory.getManager(), encoded.get(1), memory.getShape().get(1), false);
        NDArray context = attention.forward(parameterStore, new NDList(states, memory, bias), training).head(); // (B, t, H)
        NDArray combined = combine.forward(parameterStore, new NDList(states.concat(context, -1)), training).head().tanh();
        return output.forward(parameterStore, new NDList(combined), training).head(); // (B, t, V)
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        try (NDManager scope = inputs.get(0).getManager().newSubManager()) {
            Scopes.attach(scope, inputs);
            NDArray embedded = sourceEmbedding.forward(parameterStore, new NDList(inputs.get(0)), training).head();
            NDList encoded = encodeEmbedded(parameterStore, embedded, inputs.get(1), training);
            NDArray logits = decode(parameterStore, encoded, inputs.get(2), training);
            scope.ret(logits);
            return new NDList(logits);
        }
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape source = inputShapes[0];
        Shape lengths = inputShapes[1];
        Shape target = inputShapes[2];
        sourceEmbedding.initialize(manager, dataType, source);
        Shape[] encoderInputs = {sourceEmbedding.getOutputShapes(new Shape[] {source})[0], lengths};
        encoder.initialize(manager, dataType, encoderInputs);
        Shape memory = encoder.getOutputShapes(encoderInputs)[0];
        targetEmbedding.initialize(manager, dataType, target);
        Shape[] decoderInputs = {targetEmbedding.getOutputShapes(new Shape[] {target})[0]};
        decoder.initialize(manager, dataType, decoderInputs);
        Shape states = decoder.getOutputShapes(decoderInputs)[0]; // (B, Lt, H)
        attention.initialize(manager, dataType, states, memory);
        Shape concatenated = new Shape(states.get(0), states.get(1), 2 * states.get(2));
        combine.initialize(manager, dataType, concatenated);
        output.initialize(manager, dataType, combine.getOutputShapes(new Shape[] {concatenated}));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape target = inputShapes[2]; // (B, Lt)
        return new Shape[] {target.add(targetVocabulary)};
    }
}
