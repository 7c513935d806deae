package io.parallellmu.nn;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import io.parallellmu.lti.Discretizer;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * One step of the original, nonlinear LMU cell of Voelker, Kajić and Eliasmith (2019):
 *
 * <pre>
 *   u_t = e_xᵀ x_t + e_hᵀ h_{t−1} + e_mᵀ m_{t−1}
 *   m_t = Ā m_{t−1} + B̄ u_t
 *   h_t = tanh(W_x x_t + W_h h_{t−1} + W_m m_t + b)
 * </pre>
 *
 * <p>Because u_t depends on h_{t−1} through a nonlinearity, this cell cannot be parallelised over time;
 * {@link OriginalLmu} loops it. Forward takes {@code [x_t (B, F), h (B, H), m (B, d)]} and returns
 * {@code [h_t, m_t]}. The memory step is {@link LegendreMemory#step}, so both LMUs share one system.
 */
public class OriginalLmuCell extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int hiddenSize;
    private final LegendreMemory memory;
    private final Parameter inputEncoder;
    private final Parameter hiddenEncoder;
    private final Parameter memoryEncoder;
    private final Parameter inputKernel;
    private final Parameter hiddenKernel;
    private final Parameter memoryKernel;
    private final Parameter bias;

    /**
     * Creates the cell.
     *
     * @param order the memory order d, at least 1
     * @param theta the memory window θ in time steps, positive
     * @param hiddenSize the hidden size H, at least 1
     * @param discretizer the memory's discretiser
     */
    public OriginalLmuCell(int order, double theta, int hiddenSize, Discretizer discretizer) {
        super(VERSION);
        if (hiddenSize < 1) {
            throw new IllegalArgumentException("hiddenSize must be at least 1, got " + hiddenSize);
        }
        this.hiddenSize = hiddenSize;
        memory =
                addChildBlock(
                        "memory",
                        LegendreMemory.builder()
                                .setOrder(order)
                                .setTheta(theta)
                                .optDiscretizer(discretizer)
                                .optMode(MemoryMode.RECURRENT)
                                .build());
        inputEncoder = weight("inputEncoder", new XavierInitializer());
        hiddenEncoder = weight("hiddenEncoder", new ConstantInitializer(0));
        memoryEncoder = weight("memoryEncoder", new ConstantInitializer(0));
        inputKernel = weight("inputKernel", new XavierInitializer());
        hiddenKernel = weight("hiddenKernel", new XavierInitializer());
        memoryKernel = weight("memoryKernel", new XavierInitializer());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build());
    }

    private Parameter weight(String name, Initializer initializer) {
        return addParameter(
                Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).optInitializer(initializer).build());
    }

    /**
     * Returns the hidden size H.
     *
     * @return the hidden size
     */
    public int getHiddenSize() {
        return hiddenSize;
    }

    /**
     * Returns the memory order d.
     *
     * @return the order
     */
    public int getOrder() {
        return memory.getOrder();
    }

    /** {@inheritDoc} */
    @Override
    protected void prepare(Shape[] inputShapes) {
        long features = inputShapes[0].tail();
        int d = memory.getOrder();
        inputEncoder.setShape(new Shape(1, features));
        hiddenEncoder.setShape(new Shape(1, hiddenSize));
        memoryEncoder.setShape(new Shape(1, d));
        inputKernel.setShape(new Shape(hiddenSize, features));
        hiddenKernel.setShape(new Shape(hiddenSize, hiddenSize));
        memoryKernel.setShape(new Shape(hiddenSize, d));
        bias.setShape(new Shape(hiddenSize));
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        memory.initialize(manager, dataType, new Shape(inputShapes[0].get(0), 1, 1));
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDList projected = projectInputs(parameterStore, x, training);
        NDList weights = recurrentWeights(parameterStore, x.getManager(), x.getDevice(), training);
        return stepProjected(projected.get(0), projected.get(1), inputs.get(1), inputs.get(2), weights);
    }

    /**
     * Computes the input terms e_xᵀ x and W_x x + b for any leading shape, so that a layer can do it for
     * every time step at once.
     *
     * @param parameterStore the parameter store
     * @param x the input, (…, F)
     * @param training whether training
     * @return {@code [e_xᵀ x (…, 1), W_x x + b (…, H)]}
     */
    public NDList projectInputs(ParameterStore parameterStore, NDArray x, boolean training) {
        Device device = x.getDevice();
        NDManager owner = x.getManager();
        NDArray ex = ownedBy(owner, parameterStore.getValue(inputEncoder, device, training).transpose()); // (F, 1)
        NDArray wx = ownedBy(owner, parameterStore.getValue(inputKernel, device, training).transpose()); // (F, H)
        NDArray b = parameterStore.getValue(bias, device, training); // (H)
        return new NDList(x.matMul(ex), x.matMul(wx).add(b));
    }

    /**
     * Returns the recurrent weights stacked for one matmul each per step.
     *
     * @param parameterStore the parameter store
     * @param owner the manager of the forward pass, which frees the stacked copies with its other arrays
     * @param device the device
     * @param training whether training
     * @return {@code [[e_h; e_m] (H+d, 1), [W_hᵀ; W_mᵀ] (H+d, H)]}
     */
    public NDList recurrentWeights(ParameterStore parameterStore, NDManager owner, Device device, boolean training) {
        NDArray e = ownedBy(owner, parameterStore.getValue(hiddenEncoder, device, training)
                .concat(parameterStore.getValue(memoryEncoder, device, training), 1)).transpose(); // (H+d, 1)
        NDArray w = ownedBy(owner, parameterStore.getValue(hiddenKernel, device, training)
                .concat(parameterStore.getValue(memoryKernel, device, training), 1)).transpose(); // (H+d, H)
        return new NDList(e, w);
    }

    /**
     * Moves an array computed from parameters to the forward pass's manager. An op's result belongs to its first
     * operand's manager, here the model's, which lives as long as the model: without the move, every pass left
     * these arrays behind, and with them about 0.45 GB per forward pass of the 2019 Mackey-Glass model (5,000
     * steps, 4 layers), until the kernel ended the run.
     */
    private static NDArray ownedBy(NDManager owner, NDArray derived) {
        derived.attach(owner);
        return derived;
    }

    /**
     * One step from precomputed input terms.
     *
     * @param xu e_xᵀ x_t, (B, 1)
     * @param xh W_x x_t + b, (B, H)
     * @param h h_{t−1}, (B, H)
     * @param m m_{t−1}, (B, d)
     * @param weights from {@link #recurrentWeights}
     * @return {@code [h_t (B, H), m_t (B, d)]}
     */
    public NDList stepProjected(NDArray xu, NDArray xh, NDArray h, NDArray m, NDList weights) {
        NDArray u = xu.add(h.concat(m, 1).matMul(weights.get(0))); // (B, 1)
        NDArray next = memory.step(m, u); // (B, d)
        NDArray hNext = xh.add(h.concat(next, 1).matMul(weights.get(1))).tanh(); // (B, H)
        return new NDList(hNext, next);
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        return new Shape[] {new Shape(batch, hiddenSize), new Shape(batch, memory.getOrder())};
    }

    /** {@inheritDoc} */
    @Override
    public void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
        if (loadVersion != VERSION) {
            throw new MalformedModelException(
                    "Unsupported OriginalLmuCell version " + loadVersion + "; this build reads version " + VERSION);
        }
        readInputShapes(is);
    }
}
