package io.parallellmu.train;

/**
 * What one optimizer step of a {@link TrainingSession} saw.
 *
 * @param loss the batch's training loss
 * @param gradientNorm the global gradient norm before clipping
 */
public record StepResult(float loss, double gradientNorm) {

    /**
     * Returns this step if its loss and gradient norm are finite; a training run stops at the first that is not.
     *
     * @param step the 1-based number of the step, for the message
     * @return this step
     * @throws NonFiniteLossException naming the step and what became NaN or infinite
     */
    public StepResult requireFinite(int step) {
        if (!Float.isFinite(loss)) {
            throw new NonFiniteLossException("step " + step + ": the training loss is " + loss);
        }
        if (!Double.isFinite(gradientNorm)) {
            throw new NonFiniteLossException(
                    "step " + step + ": the gradient norm is " + gradientNorm + " (training loss " + loss + ")");
        }
        return this;
    }
}
