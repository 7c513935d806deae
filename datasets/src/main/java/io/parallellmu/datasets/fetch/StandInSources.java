package io.parallellmu.datasets.fetch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The registered {@link StandInSource}s. */
public final class StandInSources {

    private StandInSources() {}

    /**
     * Lists every registered stand-in, sorted by name.
     *
     * @return the stand-ins
     */
    public static List<StandInSource> all() {
        List<StandInSource> sources = new ArrayList<>();
        ServiceLoader.load(StandInSource.class).forEach(sources::add);
        sources.sort(Comparator.comparing(StandInSource::name));
        return sources;
    }

    /**
     * Finds a stand-in by name.
     *
     * @param name the stand-in's name
     * @return the stand-in
     * @throws IllegalArgumentException naming the valid names if there is none by that name
     */
    public static StandInSource byName(String name) {
        List<StandInSource> sources = all();
        return sources.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "Unknown stand-in '"
                                                + name
                                                + "'; valid: "
                                                + sources.stream()
                                                        .map(StandInSource::name)
                                                        .collect(Collectors.joining(", "))));
    }
}
