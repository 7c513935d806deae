package io.parallellmu.zoo;

import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.nn.BlockFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code blockFactory} of every zoo artifact's {@code serving.properties}: rebuilds the block from
 * {@code config.json} and loads the parameters into it, with the checks of {@link ModelArtifact#read} and
 * {@link ModelArtifact#loadBlock}. DJL then skips its own parameter loading ({@code option.hasParameter=false}),
 * which would silently ignore a file without the DJL magic.
 */
public final class ArtifactBlockFactory implements BlockFactory {

    private static final long serialVersionUID = 1L;

    /** {@inheritDoc} */
    @Override
    public Block newBlock(Model model, Path modelPath, Map<String, ?> arguments) throws IOException {
        return ModelArtifact.read(modelPath).loadBlock(model.getNDManager());
    }
}
