package org.gridpatrol.web.block;

import org.gridpatrol.data.block.Blocks;
import org.gridpatrol.data.block.Topology;
import org.gridpatrol.data.jurisdiction.Jurisdictions;
import org.gridpatrol.web.http.GeoJson;
import org.gridpatrol.web.http.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/blocks?jurisdiction=ID}: the blocks grids are made of;
 * {@code GET /api/jurisdictions/{id}/topology}: gaps, overlaps, unassigned blocks and
 * non-contiguous grids of the published set.
 */
@RestController
public class BlockController {

    private final Blocks blocks;
    private final Jurisdictions jurisdictions;

    public BlockController(Blocks blocks, Jurisdictions jurisdictions) {
        this.blocks = blocks;
        this.jurisdictions = jurisdictions;
    }

    @GetMapping(value = "/api/blocks", produces = {GeoJson.MEDIA_TYPE, "application/json"})
    public ResponseEntity<String> blocks(@RequestParam("jurisdiction") long jurisdictionId) {
        requireJurisdiction(jurisdictionId);
        return ResponseEntity.ok().contentType(GeoJson.TYPE).body(blocks.featureCollection(jurisdictionId));
    }

    @GetMapping("/api/jurisdictions/{id}/topology")
    public Topology topology(@PathVariable("id") long jurisdictionId) {
        requireJurisdiction(jurisdictionId);
        return blocks.topology(jurisdictionId);
    }

    private void requireJurisdiction(long id) {
        if (jurisdictions.levelOf(id).isEmpty()) {
            throw new NotFoundException("no jurisdiction has id " + id);
        }
    }
}
