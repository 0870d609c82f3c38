package org.gridpatrol.tiles.layer;

import org.gridpatrol.tiles.zoom.ZoomRules;

import java.util.List;
import java.util.Optional;

import static org.gridpatrol.tiles.layer.VectorLayer.fieldsOf;

/**
 * The layers gridpatrol serves as vector tiles. Attribute lists are the whole contract: the SQL in
 * {@code data} selects exactly these columns, and no list holds a resident's name, phone or ID
 * number (the decoding tests check the tiles against these lists).
 */
public final class TileLayers {

    public static final String BASEMAP = "basemap";
    public static final String JURISDICTIONS = "jurisdictions";
    public static final String GRIDS = "grids";
    public static final String BLOCKS = "blocks";
    public static final String HOUSEHOLDS = "households";
    public static final String RENTALS = "rentals";
    public static final String KEYPLACES = "keyplaces";
    public static final String PATROLROUTES = "patrolroutes";
    public static final String TRACKS = "tracks";

    /** The layers whose content a published plan changes (grid shapes, membership, register placement). */
    public static final List<String> CHANGED_BY_PUBLISH = List.of(GRIDS, BLOCKS, HOUSEHOLDS, RENTALS, KEYPLACES);

    private static final int MAX = 20;

    private static final List<LayerDefinition> ALL = List.of(
            new LayerDefinition(BASEMAP, "OpenStreetMap basemap: landuse, water, railways, roads by class, buildings, place labels",
                    6, MAX, false, List.of(
                    new VectorLayer("landuse", "land use areas", ZoomRules.LANDUSE_FROM, MAX, fieldsOf("kind", "String", "name", "String")),
                    new VectorLayer("water", "lakes and rivers as areas", 6, MAX, fieldsOf("kind", "String", "name", "String")),
                    new VectorLayer("waterways", "rivers and streams as lines", ZoomRules.WATERWAYS_FROM, MAX, fieldsOf("kind", "String", "name", "String")),
                    new VectorLayer("railways", "railway lines", ZoomRules.RAILWAYS_FROM, MAX, fieldsOf("kind", "String", "name", "String")),
                    new VectorLayer("roads", "roads, more classes as the zoom grows", 6, MAX,
                            fieldsOf("kind", "String", "name", "String", "name_zh", "String")),
                    new VectorLayer("buildings", "building footprints", ZoomRules.BUILDINGS_FROM, MAX, fieldsOf("kind", "String", "levels", "Number")),
                    new VectorLayer("places", "place labels", 6, MAX, fieldsOf("kind", "String", "name", "String", "name_zh", "String")))),
            new LayerDefinition(JURISDICTIONS, "county, township and village boundaries", 6, MAX, false, List.of(
                    new VectorLayer(JURISDICTIONS, "jurisdiction areas", 6, MAX,
                            fieldsOf("id", "Number", "code", "String", "name", "String", "name_zh", "String", "level", "String")))),
            new LayerDefinition(GRIDS, "published grids with register counts and their balance against the target range",
                    8, MAX, false, List.of(
                    new VectorLayer(GRIDS, "grid areas; below z" + ZoomRules.GRID_OUTLINES_FROM + " one point per grid", 8, MAX, fieldsOf("id", "Number", "code", "String", "name", "String",
                            "name_zh", "String", "jurisdiction_id", "Number", "households", "Number", "residents", "Number",
                            "rentals", "Number", "balance", "String")))),
            new LayerDefinition(BLOCKS, "planning blocks (the faces grids are made of) with register counts",
                    ZoomRules.BLOCKS_FROM, MAX, false, List.of(
                    new VectorLayer(BLOCKS, "block areas", ZoomRules.BLOCKS_FROM, MAX, fieldsOf("id", "Number", "grid_id", "Number",
                            "jurisdiction_id", "Number", "households", "Number", "residents", "Number", "rentals", "Number")))),
            new LayerDefinition(HOUSEHOLDS, "households: counts per grid, then per block; single households at high zoom "
                    + "for their own jurisdiction only", 8, MAX, true, List.of(
                    new VectorLayer(HOUSEHOLDS, "a point per grid, block or household; detail says which", 8, MAX,
                            fieldsOf("detail", "String", "id", "Number", "households", "Number", "residents", "Number",
                                    "floating_residents", "Number", "elderly_living_alone", "Boolean")))),
            new LayerDefinition(RENTALS, "rental properties: counts per grid, then per block; single rentals at high zoom "
                    + "for their own jurisdiction only", 8, MAX, true, List.of(
                    new VectorLayer(RENTALS, "a point per grid, block or rental; detail says which", 8, MAX,
                            fieldsOf("detail", "String", "id", "Number", "rentals", "Number", "tenants", "Number",
                                    "floating_residents", "Number", "next_inspection", "String")))),
            new LayerDefinition(KEYPLACES, "key places patrols check (school gates, markets, fuel stations)",
                    ZoomRules.KEYPLACES_FROM, MAX, false, List.of(
                    new VectorLayer(KEYPLACES, "key places", ZoomRules.KEYPLACES_FROM, MAX,
                            fieldsOf("id", "Number", "kind", "String", "name", "String", "grid_id", "Number")))),
            new LayerDefinition(PATROLROUTES, "stored patrol routes, one line per team", 10, MAX, false, List.of(
                    new VectorLayer(PATROLROUTES, "patrol route lines", 10, MAX,
                            fieldsOf("id", "Number", "team", "Number", "jurisdiction_id", "Number", "kind", "String",
                                    "mode", "String", "distance_m", "Number", "duration_s", "Number", "stops", "Number")))),
            new LayerDefinition(TRACKS, "map-matched GPS tracks of patrols, only inside the viewer's own jurisdiction "
                    + "(elsewhere the coverage report gives counts)", 10, MAX, true, List.of(
                    new VectorLayer(TRACKS, "matched track lines", 10, MAX,
                            fieldsOf("id", "Number", "team_id", "Number", "jurisdiction_id", "Number", "mode", "String",
                                    "started_at", "String", "points", "Number", "matched_m", "Number")))));

    private TileLayers() {
    }

    public static List<LayerDefinition> all() {
        return ALL;
    }

    public static Optional<LayerDefinition> find(String name) {
        return ALL.stream().filter(l -> l.name().equals(name)).findFirst();
    }
}
