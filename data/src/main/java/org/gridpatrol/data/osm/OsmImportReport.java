package org.gridpatrol.data.osm;

import java.nio.file.Path;

/**
 * What one import loaded and how long it took.
 *
 * @param loaderSeconds   time spent in osm2pgsql (reading the file, building geometries)
 * @param transferSeconds time spent moving the staged rows and deriving jurisdictions
 */
public record OsmImportReport(Path file, int roads, int buildings, int boundaries, int jurisdictions,
                              int keyPlaces, double loaderSeconds, double transferSeconds) {

    public double totalSeconds() {
        return loaderSeconds + transferSeconds;
    }
}
