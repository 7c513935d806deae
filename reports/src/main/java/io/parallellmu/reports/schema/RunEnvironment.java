package io.parallellmu.reports.schema;

/**
 * Where and with what software a run was made; the same for every run of one suite invocation.
 *
 * @param device the DJL device, for example "cpu()" or "gpu(0)"
 * @param javaVersion the Java runtime version
 * @param djlVersion the DJL version
 * @param pytorchVersion the PyTorch native version
 * @param gitCommit the project's git commit, with a "-dirty" suffix when there were local changes
 * @param cpuModel the CPU model name
 * @param cpuCores the number of cores available to the JVM
 */
public record RunEnvironment(
        String device,
        String javaVersion,
        String djlVersion,
        String pytorchVersion,
        String gitCommit,
        String cpuModel,
        int cpuCores) {

    /**
     * Validates the environment.
     *
     * @param device the DJL device, for example "cpu()" or "gpu(0)"
     * @param javaVersion the Java runtime version
     * @param djlVersion the DJL version
     * @param pytorchVersion the PyTorch native version
     * @param gitCommit the project's git commit, with a "-dirty" suffix when there were local
     *     changes
     * @param cpuModel the CPU model name
     * @param cpuCores the number of cores available to the JVM
     * @throws IllegalArgumentException naming the first blank field, or when cpuCores &lt; 1
     */
    public RunEnvironment {
        Checks.nonBlank(device, "device");
        Checks.nonBlank(javaVersion, "java version");
        Checks.nonBlank(djlVersion, "djl version");
        Checks.nonBlank(pytorchVersion, "pytorch version");
        Checks.nonBlank(gitCommit, "git commit");
        Checks.nonBlank(cpuModel, "cpu model");
        Checks.atLeast(cpuCores, 1, "cpu cores");
    }
}
