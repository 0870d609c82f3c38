package org.gridpatrol.web.ogc;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The JSON documents of OGC API – Features Part 1 Core other than features, as records Jackson writes. */
final class OgcDocuments {

    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian";
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");

    private OgcDocuments() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Link(String href, String rel, String type, String title) {
    }

    record LandingPage(String title, String description, List<Link> links) {
    }

    record Conformance(List<String> conformsTo) {
    }

    record Collections(List<Link> links, List<Collection> collections) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Collection(String id, String title, String description, List<Link> links, Extent extent, String itemType,
                      List<String> crs) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Extent(Spatial spatial, Temporal temporal) {
    }

    record Spatial(List<List<Double>> bbox, String crs) {
    }

    /** {@code interval} holds one [start, end] pair; null is an open end. */
    record Temporal(List<List<String>> interval, String trs) {
    }
}
