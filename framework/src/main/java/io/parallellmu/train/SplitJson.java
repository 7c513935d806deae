package io.parallellmu.train;

import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import io.parallellmu.vocabulary.Split;
import java.io.IOException;

/**
 * A split in a checkpoint's learning-curve history, written by its id. Checkpoints written before the shared
 * vocabulary named the validation split {@code validation}; that name is still read, so that their runs resume.
 */
final class SplitJson extends TypeAdapter<Split> {

    private static final String FORMER_VALIDATION_ID = "validation";

    /** {@inheritDoc} */
    @Override
    public void write(JsonWriter out, Split split) throws IOException {
        out.value(split.id());
    }

    /** {@inheritDoc} */
    @Override
    public Split read(JsonReader in) throws IOException {
        String id = in.nextString();
        return id.equals(FORMER_VALIDATION_ID) ? Split.VALIDATION : Split.fromId(id);
    }
}
