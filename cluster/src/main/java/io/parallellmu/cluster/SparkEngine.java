package io.parallellmu.cluster;

import io.parallellmu.benchmarks.suite.RunEngine;
import io.parallellmu.benchmarks.suite.RunReport;
import io.parallellmu.benchmarks.suite.SingleRun;
import io.parallellmu.benchmarks.suite.SuitePlan;
import io.parallellmu.datasets.fetch.AtomicDirectory;
import io.parallellmu.reports.schema.FailedRun;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Executes a suite's runs on Spark, one Spark job of one task per run, all submitted at once so that Spark
 * schedules them over every free executor slot; a job that fails after Spark's retries fails only its own run.
 * The driver writes each run's rows, curves and artifact as its job ends; executors write only to their own
 * scratch directory.
 *
 * <p>Settings: each task asks for {@code spark.task.cpus} = the cores per run, and with {@code --device gpu} for
 * {@code spark.task.resource.gpu.amount=1}; each executor has exactly those cores ({@code spark.executor.cores}),
 * because DJL trains one model per JVM at a time (one gradient collector), so a worker with more cores runs more
 * executors. Without a master (no {@code --master}, no {@code spark.master}) Spark runs in this JVM in local mode,
 * one run at a time, retrying a failed task up to {@code spark.task.maxFailures} times as a cluster does.
 */
public final class SparkEngine implements RunEngine {

    private static final long POLL_MILLIS = 100;

    private final String master;
    private final int coresPerRun;

    /**
     * Creates the engine.
     *
     * @param master the master URL, or null for {@code spark.master} if set, else local mode
     * @param coresPerRun the cores each run trains with
     */
    public SparkEngine(String master, int coresPerRun) {
        this.master = master;
        this.coresPerRun = coresPerRun;
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
        return "spark";
    }

    /** {@inheritDoc} */
    @Override
    public void execute(SuitePlan plan, List<PlannedRun> runs, Sink sink, PrintStream log) throws IOException {
        if (runs.isEmpty()) {
            return;
        }
        SparkConf conf = configuration(plan);
        log.println("Spark master " + conf.get("spark.master") + ", " + runs.size() + " runs as tasks of "
                + conf.get("spark.task.cpus") + " core(s)" + (plan.device().isGpu() ? " and one GPU" : "") + " each");
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            List<Job> jobs = new ArrayList<>();
            for (PlannedRun run : runs) {
                RunSpec spec = RunSpec.of(plan, run);
                spark.setJobDescription(spec.toString());
                jobs.add(new Job(run, spark.parallelize(List.of(spec), 1).map(RemoteRun::execute).collectAsync()));
            }
            while (!jobs.isEmpty()) {
                List<Job> done = jobs.stream().filter(job -> job.future().isDone()).toList();
                for (Job job : done) {
                    sink.accept(collect(plan, job));
                }
                jobs.removeAll(done);
                if (done.isEmpty()) {
                    sleep();
                }
            }
        }
    }

    /** The Spark settings: the user's (spark.* properties, spark-submit), then the master and each task's needs. */
    private SparkConf configuration(SuitePlan plan) {
        SparkConf conf = new SparkConf().setAppName("plmu " + plan.commandLine());
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[" + coresPerRun + "," + conf.getInt("spark.task.maxFailures", 4) + "]");
        }
        // DJL trains one model per JVM at a time (one gradient collector), so an executor has exactly one task's cores
        conf.set("spark.task.cpus", Integer.toString(coresPerRun));
        conf.set("spark.executor.cores", Integer.toString(coresPerRun));
        if (plan.device().isGpu()) {
            conf.set("spark.task.resource.gpu.amount", "1");
        }
        // executors load the PyTorch natives from their machine's cache, never from the network
        conf.set("spark.executorEnv.DJL_OFFLINE", "true");
        conf.set("spark.executor.extraJavaOptions", (conf.get("spark.executor.extraJavaOptions", "")
                + " -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=" + coresPerRun
                + " -Dai.djl.pytorch.num_interop_threads=1").trim());
        return conf;
    }

    /** A finished job's report, its artifact written under the plan's output directory first. */
    private static RunReport collect(SuitePlan plan, Job job) throws IOException {
        Shipped shipped;
        try {
            shipped = job.future().get().get(0);
        } catch (ExecutionException e) {
            // Spark gave up on the run after its retries (the task threw, or its executors died)
            return RunReport.failed(new FailedRun(job.run().key(), 0, "Spark: " + firstLine(e.getCause())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + job.run().key(), e);
        }
        RunReport report = ReportCodec.decode(shipped.report());
        if (!shipped.artifact().isEmpty()) {
            AtomicDirectory.publish(SingleRun.artifactDirectory(plan, job.run().key()), dir -> {
                for (Map.Entry<String, byte[]> file : shipped.artifact().entrySet()) {
                    Path target = dir.resolve(file.getKey());
                    Files.createDirectories(target.getParent());
                    Files.write(target, file.getValue());
                }
            });
        }
        return report;
    }

    private static String firstLine(Throwable e) {
        String message = e == null || e.getMessage() == null ? String.valueOf(e) : e.getMessage();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** One run's job. */
    private record Job(PlannedRun run, JavaFutureAction<List<Shipped>> future) {}
}
