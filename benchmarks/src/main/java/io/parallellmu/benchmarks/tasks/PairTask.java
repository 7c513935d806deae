package io.parallellmu.benchmarks.tasks;

import io.parallellmu.models.TransformerConfig;
import io.parallellmu.vocabulary.ModelFamily;

/** The sentence-pair classification tasks (QQP, SNLI), which every profile runs alike. */
abstract class PairTask extends WordTask {

    /** {@inheritDoc} */
    @Override
    public RunSettings tiny(ModelFamily family) {
        return RunSettings.tinyText(family, 12, 300);
    }

    /** {@inheritDoc} */
    @Override
    public RunSettings quick(ModelFamily family) {
        // the transformer trains at a smaller rate: at 0.01 its gradient norm can overflow; at 0.002 its
        // causal pair encoder had not left chance on QQP after 10 epochs, at 0.005 it reached 99.5% by epoch 14
        TaskSettings data = TaskSettings.limits(6000, 400, 1000).length(20).vocabulary(4000)
                .batchSize(100).epochs(30).learningRate(family == ModelFamily.TRANSFORMER ? 0.005f : 0.01f);
        // the transformer's FFN is 144 wide so that it has no fewer parameters than the LMU
        return RunSettings.of(data, family == ModelFamily.TRANSFORMER ? new TransformerConfig(32, 4, 1, 144, 0f)
                : RunSettings.small(family, 20, 64, 64), 32, 64);
    }

    /** {@inheritDoc} Here every pair, each sentence cut or padded to 40 tokens, for 3 epochs. */
    @Override
    TaskSettings allData() {
        return TaskSettings.limits(0, 0, 0).length(40).vocabulary(20_000)
                .batchSize(128).epochs(3).learningRate(0.001f);
    }
}
