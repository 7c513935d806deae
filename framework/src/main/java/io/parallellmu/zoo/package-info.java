/**
 * The parallel-lmu model zoo: trained models as self-describing artifact directories, loadable offline through
 * DJL's {@code Criteria} by artifact id (group {@value io.parallellmu.zoo.PlmuModelZoo#GROUP_ID}) or by path.
 *
 * <ul>
 *   <li>{@link io.parallellmu.zoo.ModelArtifact}: the layout, its writer and its checked reader;
 *       {@link io.parallellmu.zoo.ModelCard} and {@link io.parallellmu.zoo.TaskMetadata} are what it records,
 *       the latter as one record per kind of input ({@link io.parallellmu.zoo.PermutedPixels},
 *       {@link io.parallellmu.zoo.Forecast}, {@link io.parallellmu.zoo.TextClassification},
 *       {@link io.parallellmu.zoo.TextPairClassification} (on a {@link io.parallellmu.zoo.TextPair}),
 *       {@link io.parallellmu.zoo.RawSequence}), whose {@link io.parallellmu.zoo.MetadataKind} offers its translators;
 *       {@link io.parallellmu.zoo.PixelPooling} is the input maths of pooled permuted-pixel models.
 *   <li>{@link io.parallellmu.zoo.PlmuModelZoo}: the zoo, registered by {@link io.parallellmu.zoo.PlmuZooProvider};
 *       it lists the {@link io.parallellmu.zoo.ZooDirectory zoo directory} and the artifacts shipped on the class
 *       path.
 *   <li>{@link io.parallellmu.zoo.ArtifactBlockFactory} and {@link io.parallellmu.zoo.ZooTranslatorFactory}: what
 *       each artifact's {@code serving.properties} names, so DJL rebuilds the block and picks the translator.
 *   <li>{@link io.parallellmu.zoo.PublishCommand} / {@link io.parallellmu.zoo.ZooPublisher}: copy an artifact into
 *       the zoo directory.
 *   <li>{@link io.parallellmu.zoo.stream.StreamingPredictor}: the same weights run as an RNN.
 * </ul>
 *
 * <h2>How to add a model to the zoo</h2>
 *
 * <ol>
 *   <li>Train it with the benchmark suite's {@code --save-models}, which writes every run as an artifact in
 *       {@code <out>/models/<task>-<family>-<profile>-seed<N>/}. Outside the suite: train a block built by
 *       {@code TaskModels.create(config)} from a {@link io.parallellmu.models.ModelConfig}, then write it with
 *       {@link io.parallellmu.zoo.ModelArtifact#write}: the directory's name is the artifact id; give the
 *       {@link io.parallellmu.zoo.TaskMetadata} its translator needs (the psMNIST permutation and pooling,
 *       forecast normalisation, or text vocabulary and tokenizer class) and a {@link io.parallellmu.zoo.ModelCard}
 *       with the data's kind, source and checksum, the test metric and the exact training command.
 *   <li>Publish it: {@code plmu publish <artifact-dir>} copies it, checked, into {@code $PLMU_ZOO/<id>} (default
 *       {@code ~/.cache/parallel-lmu/zoo}); from then on {@code Criteria ... .optArtifactId("<id>")} loads it.
 *   <li>To ship it inside the framework jar, so that a fresh clone can load it offline: copy the directory to
 *       {@code framework/src/main/resources/io/parallellmu/zoo/shipped/<id>/}, add the id to {@code index.txt}
 *       there, keep it at most 2 MB, and add a test that loads it by id and checks the accuracy its card states.
 * </ol>
 *
 * <p>An artifact is sealed by the SHA-256 checksums in its {@code manifest.json}: edit nothing by hand; write it
 * again instead.
 */
package io.parallellmu.zoo;
