package io.parallellmu.cluster;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import io.parallellmu.benchmarks.suite.RunEngine.PlannedRun;
import io.parallellmu.benchmarks.suite.RunReport;
import io.parallellmu.benchmarks.suite.SingleRun;
import io.parallellmu.benchmarks.suite.SuitePlan;
import io.parallellmu.datasets.fetch.AtomicDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;

/**
 * One Spark task: runs one planned run on the executor with {@link SingleRun}, in the executor's own scratch
 * directory, and returns its report and artifact to the driver. An exception fails the task, which Spark retries
 * (up to {@code spark.task.maxFailures}); a retry on the same machine resumes from the run's last checkpoint.
 */
final class RemoteRun {

    /** Spark setting: the directory each executor machine keeps its checkpoints and artifacts in until sent. */
    static final String SCRATCH = "spark.plmu.scratchDir";

    private RemoteRun() {}

    /**
     * Executes one run on this executor.
     *
     * @param spec the run
     * @return its report and artifact
     * @throws IOException if the run cannot be done here
     */
    static Shipped execute(RunSpec spec) throws IOException {
        String app = SparkEnv.get().conf().getAppId();
        Path scratch = Path.of(SparkEnv.get().conf().get(SCRATCH, System.getProperty("java.io.tmpdir") + "/plmu-spark"))
                .resolve(app);
        SuitePlan plan = spec.plan(scratch, spec.gpu() ? assignedGpu() : Device.cpu());
        // PyTorch's grad mode is per thread, and the engine turns it off only on the thread that loaded it; this
        // task thread must match, or evaluation takes other kernels (an LSTM's differ in the last bits) than locally
        Engine.getInstance();
        JniUtils.setGradMode(false);
        PlannedRun run = spec.run(plan);
        RunReport report = SingleRun.execute(plan, run, System.out);
        Map<String, byte[]> artifact = new HashMap<>();
        Path own = SingleRun.artifactDirectory(plan, run.key());
        if (report.outcome() != null && Files.isDirectory(own)) {
            try (Stream<Path> walk = Files.walk(own)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    artifact.put(own.relativize(file).toString(), Files.readAllBytes(file));
                }
            }
            AtomicDirectory.deleteRecursively(own);
        }
        return new Shipped(ReportCodec.encode(report), artifact);
    }

    /** The GPU Spark assigned to this task (spark.task.resource.gpu.amount=1). */
    private static Device assignedGpu() {
        scala.Option<ResourceInformation> gpu = TaskContext.get().resources().get("gpu");
        if (gpu.isEmpty()) {
            throw new IllegalStateException("--device gpu, but Spark assigned this task no GPU; give the executors"
                    + " spark.executor.resource.gpu.amount and a discovery script (see the README)");
        }
        return Device.gpu(Integer.parseInt(gpu.get().addresses()[0]));
    }
}
