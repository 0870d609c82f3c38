package org.gridpatrol.data.sample;

import org.gridpatrol.data.osm.OsmImportReport;

/** What loading the sample did and how long the synthetic part took. */
public record SampleReport(OsmImportReport osm, int households, int rentals, int grids, double generationSeconds) {
}
