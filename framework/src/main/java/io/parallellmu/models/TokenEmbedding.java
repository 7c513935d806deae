package io.parallellmu.models;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** A learned lookup table from token ids (B, L) to vectors (B, L, E); ids must be in [0, vocabulary). */
public final class TokenEmbedding extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int vocabularySize;
    private final int embeddingSize;
    private final Parameter table;

    /**
     * Creates the table.
     *
     * @param vocabularySize number of token ids V
     * @param embeddingSize vector width E
     */
    public TokenEmbedding(int vocabularySize, int embeddingSize) {
        super(VERSION);
        ConfigChecks.positive("vocabularySize", vocabularySize);
        ConfigChecks.positive("embeddingSize", embeddingSize);
        this.vocabularySize = vocabularySize;
        this.embeddingSize = embeddingSize;
        table = addParameter(Parameter.builder()
                .setName("table")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(vocabularySize, embeddingSize))
                .build());
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        var ids = inputs.head().toType(DataType.INT64, false); // (B, L)
        var weights = parameterStore.getValue(table, ids.getDevice(), training); // (V, E)
        return Embedding.embedding(ids, weights, SparseFormat.DENSE); // (B, L, E)
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(embeddingSize)};
    }

    /**
     * Returns the vocabulary size.
     *
     * @return V
     */
    public int getVocabularySize() {
        return vocabularySize;
    }
}
