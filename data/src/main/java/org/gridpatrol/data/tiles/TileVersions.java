package org.gridpatrol.data.tiles;

import org.gridpatrol.data.postgis.Jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The data version of each tile layer ({@code tile_layer_version}). {@link #bump} moves the named
 * layers' versions once per transaction, in the caller's transaction, so a rolled-back change
 * leaves the versions alone. Register, key-place, jurisdiction and OSM changes bump their layers
 * by trigger (V9); publishing a plan and storing a patrol route call {@link #bump}.
 */
public final class TileVersions {

    private final Jdbc jdbc;

    public TileVersions(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Moves the versions of {@code layers} by one, unless this transaction already did. */
    public static void bump(Connection c, Collection<String> layers) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT bump_tile_layers(?)")) {
            s.setArray(1, c.createArrayOf("text", layers.toArray()));
            s.execute();
        }
    }

    /** Every layer's current version. */
    public Map<String, Long> current() {
        Map<String, Long> versions = new HashMap<>();
        jdbc.queryList("SELECT layer, version FROM tile_layer_version", Jdbc.NO_PARAMETERS,
                        rs -> Map.entry(rs.getString(1), rs.getLong(2)), "cannot read the tile layer versions")
                .forEach(e -> versions.put(e.getKey(), e.getValue()));
        return versions;
    }

    /** The current version of one layer (1 for a layer never bumped). */
    public long current(String layer) {
        return current().getOrDefault(layer, 1L);
    }
}
