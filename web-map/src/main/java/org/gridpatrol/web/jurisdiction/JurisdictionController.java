package org.gridpatrol.web.jurisdiction;

import org.gridpatrol.data.jurisdiction.Jurisdictions;
import org.gridpatrol.web.http.GeoJson;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/jurisdictions}: the jurisdiction tree as a FeatureCollection. */
@RestController
public class JurisdictionController {

    private final Jurisdictions jurisdictions;

    public JurisdictionController(Jurisdictions jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    @GetMapping(value = "/api/jurisdictions", produces = {GeoJson.MEDIA_TYPE, "application/json"})
    public ResponseEntity<String> jurisdictions() {
        return ResponseEntity.ok().contentType(GeoJson.TYPE).body(jurisdictions.featureCollection());
    }
}
