package io.parallellmu.benchmarks.suite;

import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.parallellmu.benchmarks.tasks.DataRequest;
import io.parallellmu.benchmarks.tasks.TaskData;
import io.parallellmu.benchmarks.tasks.TaskSettings;
import io.parallellmu.benchmarks.tasks.Tasks;
import io.parallellmu.benchmarks.tasks.TestScore;
import io.parallellmu.datasets.DataSource;
import io.parallellmu.models.ModelConfig;
import io.parallellmu.models.TaskModels;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paper profile's IWSLT test: the test sources are not cut to the training length, and the translations come
 * from beam search; the quick profile's greedy decoding of cut sources is what the tiny suites run.
 */
class IwsltBeamEvaluationTest {

    @TempDir
    Path temp;

    @Test
    void beamSearchTranslatesUncutTestSources() throws Exception {
        OfficialFixtures.writeAll(temp);
        TaskSettings greedy = TaskSettings.limits(48, 16, 16).length(3).vocabulary(300)
                .batchSize(16).epochs(1).learningRate(0.01f); // 3 tokens: the fixtures are longer
        TaskSettings beam = greedy.withBeamSearch(3);
        assertTrue(beam.describe().endsWith(" beam=3") && !greedy.describe().contains("beam"), beam.describe());
        try (NDManager manager = NDManager.newBaseManager(); Model model = Model.newInstance("iwslt-beam")) {
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            TaskData cut = Tasks.of(TaskId.IWSLT15_EN_VI).load(new DataRequest(temp, DataSource.OFFICIAL, greedy,
                    manager, quiet));
            TaskData uncut = Tasks.of(TaskId.IWSLT15_EN_VI).load(new DataRequest(temp, DataSource.OFFICIAL, beam,
                    manager, quiet));
            long cutLength = cut.test().get(manager, 0).getData().get(0).size();
            long uncutLength = uncut.test().get(manager, 0).getData().get(0).size();
            assertEquals(greedy.length(), cutLength, "greedy: sources cut to the profile's length");
            assertTrue(uncutLength > cutLength, "beam: sources padded to the longest, " + uncutLength);

            RunConfig run = Profile.TINY.config(TaskId.IWSLT15_EN_VI, ModelFamily.LMU);
            ModelConfig config = Tasks.of(TaskId.IWSLT15_EN_VI).model(run.family(), run.embeddingSize(),
                    run.headHiddenSize(), uncut);
            model.setBlock(TaskModels.create(config));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32,
                    TaskModels.inputShapes(config.task(), 1, greedy.length()));
            TestScore score = uncut.score(model);
            assertEquals("bleu", score.metric());
            assertTrue(score.value() >= 0 && score.value() <= 100, "BLEU " + score.value());
        }
    }
}
