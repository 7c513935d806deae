package io.parallellmu.zoo;

import ai.djl.repository.zoo.ModelZoo;
import ai.djl.repository.zoo.ZooProvider;

/** Registers {@link PlmuModelZoo} with DJL through {@code META-INF/services/ai.djl.repository.zoo.ZooProvider}. */
public final class PlmuZooProvider implements ZooProvider {

    /** {@inheritDoc} */
    @Override
    public ModelZoo getModelZoo() {
        return new PlmuModelZoo();
    }
}
