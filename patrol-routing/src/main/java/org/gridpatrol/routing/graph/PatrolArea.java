package org.gridpatrol.routing.graph;

import com.graphhopper.json.Statement;
import com.graphhopper.util.CustomModel;
import com.graphhopper.util.JsonFeature;
import com.graphhopper.util.JsonFeatureCollection;
import org.locationtech.jts.geom.Geometry;

import java.util.Map;
import java.util.Objects;

import static com.graphhopper.json.Statement.If;

/**
 * An area a patrol must stay inside, e.g. its own jurisdiction plus a border buffer: a GraphHopper
 * custom model with the area and priority 0 on every road outside it, merged into the mode's
 * profile per request. Points outside the area cannot be snapped; paths between points inside stay
 * inside even where a faster road would leave it.
 *
 * @param name shown in messages
 * @param area the polygon(s), EPSG:4326; simplify large boundaries first (each road segment is tested against it)
 */
public record PatrolArea(String name, Geometry area) {

    private static final String AREA_ID = "patrol_area";

    public PatrolArea {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(area, "area");
        if (area.isEmpty() || area.getDimension() != 2) {
            throw new IllegalArgumentException("the patrol area must be a non-empty polygon");
        }
    }

    /** The custom model to merge into a profile: roads outside the area get priority 0 (closed). */
    public CustomModel customModel() {
        JsonFeatureCollection areas = new JsonFeatureCollection();
        areas.getFeatures().add(new JsonFeature(AREA_ID, "Feature", null, area, Map.of()));
        CustomModel model = new CustomModel();
        model.setAreas(areas);
        model.addToPriority(If("!in_" + AREA_ID, Statement.Op.MULTIPLY, "0"));
        return model;
    }
}
