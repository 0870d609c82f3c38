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
 */
@ConfigurationProperties("gridpatrol")
public record GridpatrolProperties(
        @DefaultValue(".gridpatrol") String dataDir,
        @DefaultValue("data/sample/andorra.osm.pbf") String osmFile,
        @DefaultValue Demo demo,
        @DefaultValue Sample sample) {

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
}
