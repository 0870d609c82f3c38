package org.gridpatrol.web.grid;

import org.gridpatrol.data.grid.Grids;
import org.gridpatrol.data.jurisdiction.Jurisdictions;
import org.gridpatrol.web.http.GeoJson;
import org.gridpatrol.web.http.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/grids?jurisdiction=ID}: the published grids of a jurisdiction and of everything
 * below it, with household and rental counts; with {@code asOf} (ISO 8601 date or date-time) the
 * grids as they were in force at that moment.
 */
@RestController
public class GridController {

    private final Grids grids;
    private final Jurisdictions jurisdictions;

    public GridController(Grids grids, Jurisdictions jurisdictions) {
        this.grids = grids;
        this.jurisdictions = jurisdictions;
    }

    @GetMapping(value = "/api/grids", produces = {GeoJson.MEDIA_TYPE, "application/json"})
    public ResponseEntity<String> grids(@RequestParam("jurisdiction") long jurisdictionId,
                                        @RequestParam(value = "asOf", required = false) String asOf) {
        if (jurisdictions.levelOf(jurisdictionId).isEmpty()) {
            throw new NotFoundException("no jurisdiction has id " + jurisdictionId);
        }
        String body = asOf == null ? grids.featureCollection(jurisdictionId)
                : grids.featureCollectionAsOf(jurisdictionId, IsoMoment.parse("asOf", asOf));
        return ResponseEntity.ok().contentType(GeoJson.TYPE).body(body);
    }
}
