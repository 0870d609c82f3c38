package org.gridpatrol.web.basemap;

import org.gridpatrol.data.basemap.Basemap;
import org.gridpatrol.data.basemap.BoundingBox;
import org.gridpatrol.web.http.GeoJson;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The offline basemap: {@code GET /api/basemap?bbox=west,south,east,north&zoom=Z} gives the OSM
 * features to draw; {@code GET /api/basemap/extent} the area the data covers.
 */
@RestController
public class BasemapController {

    private final Basemap basemap;

    public BasemapController(Basemap basemap) {
        this.basemap = basemap;
    }

    @GetMapping(value = "/api/basemap", produces = {GeoJson.MEDIA_TYPE, "application/json"})
    public ResponseEntity<String> features(@RequestParam("bbox") String bbox, @RequestParam("zoom") int zoom) {
        BoundingBox box = BoundingBox.parse(bbox);
        if (!basemap.coversData(box) && box.swapped().filter(basemap::coversData).isPresent()) {
            throw new IllegalArgumentException("bbox " + bbox + " holds no data, but would with latitude and longitude "
                    + "exchanged: give west,south,east,north (longitude first, as in GeoJSON)");
        }
        return ResponseEntity.ok().contentType(GeoJson.TYPE).body(basemap.featureCollection(box, zoom));
    }

    @GetMapping("/api/basemap/extent")
    public Map<String, Object> extent() {
        return Map.of("bbox", basemap.extent(), "synthetic", basemap.syntheticRegisters());
    }
}
