package io.parallellmu.zoo;

import io.parallellmu.vocabulary.ModelFamily;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonDeserializationContext;
import com.google.gson.JsonDeserializer;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonSerializationContext;
import com.google.gson.JsonSerializer;
import io.parallellmu.models.Families;
import io.parallellmu.models.FamilyConfig;
import java.lang.reflect.Type;
import java.util.Arrays;

/**
 * The zoo's Gson: pretty-printed, and able to read back a {@link FamilyConfig}, which is a sealed interface, from a
 * {@code "family"} field naming its {@link ModelFamily}.
 */
final class ConfigJson {

    /** The field that names a family config's {@link ModelFamily}. */
    static final String FAMILY_FIELD = "family";

    /** Gson for the family records' own fields. */
    private static final Gson RECORD_FIELDS = new Gson();

    /** The shared instance. */
    static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .registerTypeHierarchyAdapter(FamilyConfig.class, new FamilyAdapter())
            .create();

    private ConfigJson() {}

    /** Writes the record's fields plus its family name; reads the record the family name selects. */
    private static final class FamilyAdapter implements JsonSerializer<FamilyConfig>, JsonDeserializer<FamilyConfig> {

        @Override
        public JsonElement serialize(FamilyConfig src, Type typeOfSrc, JsonSerializationContext context) {
            JsonObject object = new JsonObject();
            object.addProperty(FAMILY_FIELD, src.family().name());
            RECORD_FIELDS.toJsonTree(src).getAsJsonObject().entrySet()
                    .forEach(e -> object.add(e.getKey(), e.getValue()));
            return object;
        }

        @Override
        public FamilyConfig deserialize(JsonElement json, Type typeOfT, JsonDeserializationContext context) {
            JsonObject object = json.getAsJsonObject();
            JsonElement name = object.get(FAMILY_FIELD);
            if (name == null) {
                throw new JsonParseException("the family config lacks its \"" + FAMILY_FIELD + "\" field (one of "
                        + Arrays.toString(ModelFamily.values()) + ")");
            }
            ModelFamily family;
            try {
                family = ModelFamily.valueOf(name.getAsString());
            } catch (IllegalArgumentException e) {
                // no cause: the enum's own message says less than this one
                throw new JsonParseException("unknown family \"" + name.getAsString() + "\"; expected one of "
                        + Arrays.toString(ModelFamily.values()));
            }
            JsonObject fields = object.deepCopy();
            fields.remove(FAMILY_FIELD);
            return RECORD_FIELDS.fromJson(fields, Families.of(family).configType());
        }
    }
}
