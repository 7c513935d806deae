package io.parallellmu.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class DeviceOptionTest {

    @Test
    void namesAGpuByNumberInEitherForm() {
        assertEquals(Device.gpu(1), DeviceOption.parse("gpu:1"));
        assertEquals(Device.gpu(2), DeviceOption.parse("GPU2"));
        assertEquals(Device.cpu(), DeviceOption.parse("cpu"));
    }

    @Test
    void plainGpuTakesTheEnginesGpuOrElseTheFirst() {
        assertEquals(Device.gpu(3), DeviceOption.assignedGpu(Device.gpu(3)));
        assertEquals(Device.gpu(0), DeviceOption.assignedGpu(Device.cpu()));
    }

    @Test
    void rejectsUnknownNamesListingTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceOption.parse("tpu"));
        assertTrue(e.getMessage().contains("'tpu'") && e.getMessage().contains("gpu:N"), e.getMessage());
    }
}
