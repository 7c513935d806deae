package io.parallellmu.cluster;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import io.parallellmu.benchmarks.suite.RunReport;
import java.io.IOException;
import java.time.Instant;

/** A run's report as JSON, the form it travels in from an executor to the driver; doubles keep every bit. */
final class ReportCodec {

    private static final Gson GSON = new GsonBuilder()
            .serializeSpecialFloatingPointValues() // NaN metrics stay NaN
            .registerTypeAdapter(Instant.class, new InstantAdapter().nullSafe())
            .create();

    private ReportCodec() {}

    static String encode(RunReport report) {
        return GSON.toJson(report);
    }

    static RunReport decode(String json) {
        return GSON.fromJson(json, RunReport.class);
    }

    /** Instants as ISO-8601 text (java.time is closed to reflection). */
    private static final class InstantAdapter extends TypeAdapter<Instant> {

        @Override
        public void write(JsonWriter out, Instant value) throws IOException {
            out.value(value.toString());
        }

        @Override
        public Instant read(JsonReader in) throws IOException {
            return Instant.parse(in.nextString());
        }
    }
}
