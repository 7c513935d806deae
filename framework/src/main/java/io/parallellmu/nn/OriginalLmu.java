package io.parallellmu.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * The original LMU (Voelker et al. 2019) as a layer: {@link OriginalLmuCell} looped over time. It is the
 * sequential baseline the parallel LMU is compared with.
 *
 * <p>Input (B, L, F); output (B, L, H) when returning sequences, else the final h (B, H).
 */
public class OriginalLmu extends AbstractBlock {

    private static final byte VERSION = 1;

    private final OriginalLmuCell cell;
    private final boolean returnSequences;

    /**
     * Creates the layer from its builder.
     *
     * @param builder the validated settings
     */
    protected OriginalLmu(Builder builder) {
        super(VERSION);
        cell = addChildBlock("cell", new OriginalLmuCell(builder.order, builder.theta, builder.hiddenSize, builder.discretizer));
        returnSequences = builder.returnSequences;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the cell that is looped.
     *
     * @return the cell
     */
    public OriginalLmuCell getCell() {
        return cell;
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow(); // (B, L, F)
        checkInput(x.getShape());
        long batch = x.getShape().get(0);
        int length = Math.toIntExact(x.getShape().get(1));
        try (NDManager scope = NDManager.subManagerOf(x)) {
            scope.tempAttachAll(x);
            NDList projected = cell.projectInputs(parameterStore, x.transpose(1, 0, 2), training); // (L, B, 1), (L, B, H)
            NDList weights = cell.recurrentWeights(parameterStore, scope, x.getDevice(), training);
            NDList xu = projected.get(0).split(length, 0); // L × (1, B, 1)
            NDList xh = projected.get(1).split(length, 0); // L × (1, B, H)
            NDArray h = x.getManager().zeros(new Shape(batch, cell.getHiddenSize()), x.getDataType(), x.getDevice());
            NDArray m = x.getManager().zeros(new Shape(batch, cell.getOrder()), x.getDataType(), x.getDevice());
            NDList outputs = returnSequences ? new NDList(length) : null;
            for (int t = 0; t < length; t++) {
                NDList next = cell.stepProjected(xu.get(t).squeeze(0), xh.get(t).squeeze(0), h, m, weights);
                h = next.get(0);
                m = next.get(1);
                if (returnSequences) {
                    outputs.add(h);
                }
            }
            NDArray result = returnSequences ? NDArrays.stack(outputs, 1) : h; // (B, L, H) or (B, H)
            return new NDList(scope.ret(result));
        }
    }

    private static void checkInput(Shape shape) {
        if (shape.dimension() != 3) {
            throw new IllegalArgumentException(
                    "OriginalLmu expects input of shape (batch, time, features), got rank " + shape.dimension()
                            + " shape " + shape);
        }
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        checkInput(x);
        cell.initialize(
                manager,
                dataType,
                new Shape(x.get(0), x.get(2)),
                new Shape(x.get(0), cell.getHiddenSize()),
                new Shape(x.get(0), cell.getOrder()));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        checkInput(x);
        long hidden = cell.getHiddenSize();
        return new Shape[] {returnSequences ? new Shape(x.get(0), x.get(1), hidden) : new Shape(x.get(0), hidden)};
    }

    /** {@inheritDoc} */
    @Override
    public void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
        if (loadVersion != VERSION) {
            throw new MalformedModelException(
                    "Unsupported OriginalLmu version " + loadVersion + "; this build reads version " + VERSION);
        }
        readInputShapes(is);
    }

    /** Settings for {@link OriginalLmu}: order, θ and hidden size are required. */
    public static final class Builder extends LegendreBuilder<Builder> {
        private int hiddenSize = -1;

        Builder() {}

        /** {@inheritDoc} */
        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets the hidden size H.
         *
         * @param hiddenSize at least 1
         * @return this builder
         */
        public Builder setHiddenSize(int hiddenSize) {
            this.hiddenSize = hiddenSize;
            return this;
        }

        /**
         * Builds the layer; the cell validates the settings.
         *
         * @return the layer
         */
        public OriginalLmu build() {
            return new OriginalLmu(this);
        }
    }
}
