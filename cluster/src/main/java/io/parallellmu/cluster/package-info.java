/**
 * The suite's grid on Apache Spark: {@code plmu suite --engine spark [--master URL]} makes each planned run one
 * Spark task ({@link io.parallellmu.cluster.SparkEngine}); the driver records what comes back exactly as a local
 * suite does. Local mode runs embedded; a standalone, YARN or Kubernetes master runs the tasks on a cluster.
 */
package io.parallellmu.cluster;
