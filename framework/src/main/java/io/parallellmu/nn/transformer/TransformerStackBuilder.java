package io.parallellmu.nn.transformer;

/**
 * Settings shared by the encoder and decoder stacks' builders.
 *
 * @param <T> the concrete builder
 */
public abstract class TransformerStackBuilder<T extends TransformerStackBuilder<T>> {
    int modelSize;
    int heads;
    int layers;
    int feedForwardSize;
    float dropout;

    /** Creates a builder with no settings made. */
    protected TransformerStackBuilder() {}

    /**
     * Returns this builder, typed as the concrete builder.
     *
     * @return this
     */
    protected abstract T self();

    /**
     * Sets the model width D (required).
     *
     * @param modelSize D, even and a multiple of the head count
     * @return this builder
     */
    public T setModelSize(int modelSize) {
        this.modelSize = modelSize;
        return self();
    }

    /**
     * Sets the attention head count (required).
     *
     * @param heads at least 1, dividing D
     * @return this builder
     */
    public T setHeads(int heads) {
        this.heads = heads;
        return self();
    }

    /**
     * Sets the number of layers (required).
     *
     * @param layers at least 1
     * @return this builder
     */
    public T setLayers(int layers) {
        this.layers = layers;
        return self();
    }

    /**
     * Sets the feed-forward hidden width (required).
     *
     * @param feedForwardSize at least 1
     * @return this builder
     */
    public T setFeedForwardSize(int feedForwardSize) {
        this.feedForwardSize = feedForwardSize;
        return self();
    }

    /**
     * Sets the dropout rate on embeddings, residual branches and attention weights; default 0.
     *
     * @param dropout in [0, 1)
     * @return this builder
     */
    public T optDropout(float dropout) {
        this.dropout = dropout;
        return self();
    }

    /** Checks every setting, with a message naming the one out of range. */
    protected void validate() {
        TransformerChecks.even("modelSize", modelSize);
        TransformerChecks.positive("heads", heads);
        if (modelSize % heads != 0) {
            throw new IllegalArgumentException(
                    "modelSize (" + modelSize + ") must be a multiple of heads (" + heads + ")");
        }
        TransformerChecks.positive("layers", layers);
        TransformerChecks.positive("feedForwardSize", feedForwardSize);
        TransformerChecks.dropout(dropout);
    }
}
