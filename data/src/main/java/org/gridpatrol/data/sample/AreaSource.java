package org.gridpatrol.data.sample;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code ./gridpatrol demo --osm FILE} (or {@code serve}) starts on: an OSM extract of any area,
 * optionally a boundaries file with the jurisdictions, and optionally synthetic registers.
 *
 * @param osmFile             the extract: roads, buildings, key places (and jurisdictions when no boundaries file)
 * @param boundaries          a jurisdictions file in any format of the import (null: the extract's boundaries)
 * @param columns             field of the jurisdictions kind → column of the file ({@code --map name=NAME}); empty: detected
 * @param syntheticHouseholds synthetic households to generate (0: none); rentals are a tenth of them
 * @param householdsPerGrid   target size of the first grids
 * @param seed                seed of the synthetic data
 */
public record AreaSource(Path osmFile, Path boundaries, Map<String, String> columns, int syntheticHouseholds,
                         int householdsPerGrid, long seed) {

    public AreaSource {
        Objects.requireNonNull(osmFile, "osmFile");
        columns = columns == null ? Map.of() : Map.copyOf(columns);
        if (syntheticHouseholds < 0 || householdsPerGrid < 1) {
            throw new IllegalArgumentException("syntheticHouseholds must not be negative, householdsPerGrid must be positive");
        }
    }

    /** The synthetic sample's size, when one was asked for. */
    SampleSize sampleSize() {
        return new SampleSize(Math.max(1, syntheticHouseholds), syntheticHouseholds / 10, householdsPerGrid, seed);
    }
}
