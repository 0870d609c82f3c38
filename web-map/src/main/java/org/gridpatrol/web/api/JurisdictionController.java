package org.gridpatrol.web.api;

import org.gridpatrol.data.jurisdiction.JurisdictionQueries;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/jurisdictions}: the jurisdiction tree as a FeatureCollection. */
@RestController
public class JurisdictionController {

    private final JurisdictionQueries jurisdictions;

    public JurisdictionController(JurisdictionQueries jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    @GetMapping(value = "/api/jurisdictions", produces = {GeoJson.MEDIA_TYPE, "application/json"})
    public ResponseEntity<String> jurisdictions() {
        return ResponseEntity.ok().contentType(GeoJson.TYPE).body(jurisdictions.featureCollection());
    }
}
