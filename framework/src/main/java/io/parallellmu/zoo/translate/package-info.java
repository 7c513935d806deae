/**
 * DJL translators of zoo models, each offered by the kind of {@link io.parallellmu.zoo.TaskMetadata} record it reads
 * and picked by {@link io.parallellmu.zoo.ZooTranslatorFactory} from the artifact's
 * task metadata: permuted-pixel classification from a {@code float[]} or an {@code Image} (cell-pooled through
 * {@link io.parallellmu.zoo.PixelPooling} for models trained on pooled sequences), forecasting from a
 * history window, and text classification through the stored vocabulary.
 */
package io.parallellmu.zoo.translate;
