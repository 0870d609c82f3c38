package org.gridpatrol.web.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * The {@code gridpatrol.*} configuration (see {@code application-example.yml}).
 *
 * @param dataDir  folder for the local PostGIS cluster and the routing graph
 * @param osmFile  the OSM extract the routing graph (and the sample) is built from
 * @param demo     demo mode: load the sample into an empty database and (re)set the demo logins
 * @param sample   size of the synthetic sample
 * @param login    throttling of failed logins
 * @param share    shared maps
 * @param plan     planning: when grid generation runs as a job
 * @param area     starting on an extract of one's own ({@code --osm FILE}) instead of the bundled sample
 */
@ConfigurationProperties("gridpatrol")
public record GridpatrolProperties(
        @DefaultValue(".gridpatrol") String dataDir,
        @DefaultValue("data/sample/andorra.osm.pbf") String osmFile,
        @DefaultValue Demo demo,
        @DefaultValue Sample sample,
        @DefaultValue Login login,
        @DefaultValue Share share,
        @DefaultValue Plan plan,
        @DefaultValue Area area) {

    // Plain strings bound, paths handed out: Spring's String-to-Path conversion goes through its
    // resource loader, which refuses relative paths such as ../data.
    public Path dataDirPath() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    public Path osmFilePath() {
        return Path.of(osmFile).toAbsolutePath().normalize();
    }

    /**
     * @param enabled  demo mode (set by {@code ./gridpatrol demo})
     * @param password password of the demo logins; {@code GRIDPATROL_DEMO_PASSWORD} in the environment.
     *                 Generated and printed when empty.
     */
    public record Demo(@DefaultValue("false") boolean enabled, String password) {
        @Override
        public String toString() {
            return "Demo[enabled=" + enabled + "]"; // never the password
        }
    }

    /**
     * @param households        synthetic households to generate
     * @param rentals           synthetic rental properties
     * @param householdsPerGrid target size of the initial grids
     * @param seed              random seed; the same seed gives the same sample
     */
    public record Sample(@DefaultValue("20000") int households, @DefaultValue("2000") int rentals,
                         @DefaultValue("300") int householdsPerGrid, @DefaultValue("20251122") long seed) {
    }

    /**
     * @param failuresPerAccount failed logins of one account within {@code window} before it is refused (429)
     * @param failuresPerAddress failed logins from one client address within {@code window} before it is refused
     * @param window             how long a failed login counts
     */
    public record Login(@DefaultValue("5") int failuresPerAccount, @DefaultValue("20") int failuresPerAddress,
                        @DefaultValue("15m") java.time.Duration window) {
    }

    /**
     * @param publicUrl   the address shared links start with (e.g. {@code https://map.example.org}); empty: the
     *                    address of the request that created the share
     * @param maxValidity the longest a share may be valid
     */
    public record Share(String publicUrl, @DefaultValue("90d") java.time.Duration maxValidity) {
    }

    /**
     * @param generateSyncBlocks generate and rebalance answer within the request up to this many blocks
     *                           in the plan's jurisdiction; larger ones run as a job (202, progress, cancel)
     */
    public record Plan(@DefaultValue("5000") int generateSyncBlocks) {
    }

    /**
     * @param enabled             the OSM extract ({@code osm-file}) is an area of one's own ({@code --osm FILE}): it is
     *                            loaded into a database that holds none yet, with synthetic registers only when asked
     * @param boundaries          the jurisdictions file ({@code --boundaries FILE}); empty: the extract's boundaries
     * @param columns             {@code field=column} pairs for the boundaries file ({@code --map})
     * @param syntheticHouseholds synthetic households to generate ({@code --synthetic-households N}); 0: none
     */
    public record Area(@DefaultValue("false") boolean enabled, String boundaries, java.util.List<String> columns,
                       @DefaultValue("0") int syntheticHouseholds) {

        public Path boundariesPath() {
            return boundaries == null || boundaries.isBlank() ? null : Path.of(boundaries).toAbsolutePath().normalize();
        }

        /** {@code columns} as field → column. */
        public java.util.Map<String, String> columnMap() {
            java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
            for (String pair : columns == null ? java.util.List.<String>of() : columns) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    map.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                }
            }
            return map;
        }
    }
}
