package org.gridpatrol.web.api;

import org.gridpatrol.data.block.BlockQueries;
import org.gridpatrol.data.block.TopologyQuery;
import org.gridpatrol.data.jurisdiction.JurisdictionQueries;
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

    private final BlockQueries blocks;
    private final TopologyQuery topology;
    private final JurisdictionQueries jurisdictions;

    public BlockController(BlockQueries blocks, TopologyQuery topology, JurisdictionQueries jurisdictions) {
        this.blocks = blocks;
        this.topology = topology;
        this.jurisdictions = jurisdictions;
    }

    @GetMapping(value = "/api/blocks", produces = {GeoJson.MEDIA_TYPE, "application/json"})
    public ResponseEntity<String> blocks(@RequestParam("jurisdiction") long jurisdictionId) {
        requireJurisdiction(jurisdictionId);
        return ResponseEntity.ok().contentType(GeoJson.TYPE).body(blocks.featureCollection(jurisdictionId));
    }

    @GetMapping("/api/jurisdictions/{id}/topology")
    public TopologyQuery.Topology topology(@PathVariable("id") long jurisdictionId) {
        requireJurisdiction(jurisdictionId);
        return topology.of(jurisdictionId);
    }

    private void requireJurisdiction(long id) {
        if (jurisdictions.levelOf(id).isEmpty()) {
            throw new NotFoundException("no jurisdiction has id " + id);
        }
    }
}
