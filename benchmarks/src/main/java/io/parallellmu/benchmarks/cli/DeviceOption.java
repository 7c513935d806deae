package io.parallellmu.benchmarks.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --device} option of the commands: {@code cpu}; {@code gpu}, the GPU that the engine assigns
 * (its default device when it sees one, else GPU 0, so that a machine whose CUDA runtime DJL cannot detect
 * through JNA still trains there); {@code gpu:N} (or {@code gpuN}), GPU N as assigned by a scheduler such as
 * Spark; {@code default}, the engine's default device.
 */
public final class DeviceOption {

    private static final Pattern NUMBERED_GPU = Pattern.compile("gpu:?(\\d+)");

    private DeviceOption() {}

    /**
     * Parses a device name.
     *
     * @param name cpu, gpu, gpu:N, gpuN or default (case-insensitive)
     * @return the device
     * @throws IllegalArgumentException naming the valid forms for anything else
     */
    public static Device parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        Matcher numbered = NUMBERED_GPU.matcher(n);
        if (numbered.matches()) {
            return Device.gpu(Integer.parseInt(numbered.group(1)));
        }
        return switch (n) {
            case "cpu" -> Device.cpu();
            case "gpu" -> assignedGpu(Engine.getInstance().defaultDevice());
            case "default" -> Engine.getInstance().defaultDevice();
            default -> throw new IllegalArgumentException(
                    "unknown device '" + name + "'; valid: cpu, gpu, gpu:N (N = 0, 1, ...), default");
        };
    }

    /**
     * The GPU to use for {@code gpu}: the engine's default device when that is a GPU, otherwise GPU 0.
     *
     * @param engineDefault the engine's default device
     * @return a GPU device
     */
    static Device assignedGpu(Device engineDefault) {
        return engineDefault.isGpu() ? engineDefault : Device.gpu(0);
    }
}
