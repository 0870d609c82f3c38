package org.gridpatrol.data.block;

import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.postgis.Jdbc;

import java.util.List;

/**
 * After an OSM reload, cuts every jurisdiction that has blocks again from the new roads, rivers and
 * railways ({@link BlockDeriver}: grid membership kept by largest overlap) and records a publication
 * for it, so that plans started on the old blocks are refused at publish (409) instead of publishing
 * block ids that no longer exist. One transaction per jurisdiction: when one fails, those before it
 * stay re-derived.
 */
public final class BlockRederiver {

    private static final String WHAT = "re-deriving blocks";

    private final DatabaseTarget target;

    public BlockRederiver(DatabaseTarget target) {
        this.target = target;
    }

    /** Returns the number of jurisdictions re-derived. */
    public int rederiveAll(String username) {
        Jdbc jdbc = new Jdbc(target.dataSource());
        List<Long> jurisdictions = jdbc.inTransaction(WHAT, c -> Jdbc.queryList(c,
                "SELECT DISTINCT jurisdiction_id FROM block ORDER BY 1", Jdbc.NO_PARAMETERS, rs -> rs.getLong(1)));
        for (long jurisdiction : jurisdictions) {
            jdbc.inTransaction(WHAT, c -> {
                new BlockDeriver(c).derive(jurisdiction);
                return Jdbc.update(c, "INSERT INTO grid_publication (jurisdiction_id, published_by) VALUES (?, ?)", s -> {
                    s.setLong(1, jurisdiction);
                    s.setString(2, username);
                });
            });
        }
        return jurisdictions.size();
    }
}
