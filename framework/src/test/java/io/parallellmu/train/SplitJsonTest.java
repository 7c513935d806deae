package io.parallellmu.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.parallellmu.vocabulary.Split;
import org.junit.jupiter.api.Test;

/** Checkpoint histories write splits by id and still read those written before the shared vocabulary. */
class SplitJsonTest {

    private final Gson gson = new GsonBuilder().registerTypeAdapter(Split.class, new SplitJson()).create();

    @Test
    void writesTheIdAndReadsItBack() {
        EpochMetric metric = new EpochMetric(3, Split.VALIDATION, "loss", 0.5);
        String json = gson.toJson(metric);
        assertEquals("{\"epoch\":3,\"split\":\"valid\",\"metric\":\"loss\",\"value\":0.5}", json);
        assertEquals(metric, gson.fromJson(json, EpochMetric.class));
    }

    @Test
    void readsTheNamesOfCheckpointsWrittenBefore() {
        String before = "{\"epoch\":14,\"split\":\"validation\",\"metric\":\"nrmse\",\"value\":1.231}";
        assertEquals(new EpochMetric(14, Split.VALIDATION, "nrmse", 1.231), gson.fromJson(before, EpochMetric.class));
        assertEquals(Split.TRAIN, gson.fromJson("{\"split\":\"train\"}", EpochMetric.class).split());
    }

    @Test
    void refusesAnUnknownSplit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> gson.fromJson("{\"split\":\"dev\"}", EpochMetric.class));
        assertEquals("unknown split 'dev'; valid splits: train, valid, test", e.getMessage());
    }
}
