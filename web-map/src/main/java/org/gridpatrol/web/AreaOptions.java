package org.gridpatrol.web;

import org.gridpatrol.data.osm.OsmImportException;
import org.gridpatrol.data.osm.OsmImporter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The launcher options for starting on an area of one's own ({@code --osm}, {@code --boundaries},
 * {@code --synthetic-households}; ADR 0030): checked before anything starts, so that a missing or
 * unreadable file is one sentence, and turned into {@code gridpatrol.area.*} properties.
 */
record AreaOptions(String command, Map<String, String> options) {

    void validate() {
        boolean starts = command.equals("demo") || command.equals("serve");
        for (String option : List.of("--osm", "--boundaries", "--synthetic-households")) {
            if (options.containsKey(option) && !starts) {
                throw new IllegalArgumentException(option + " is an option of demo and serve, not of " + command);
            }
        }
        if (options.containsKey("--boundaries") && !options.containsKey("--osm")) {
            throw new IllegalArgumentException("--boundaries needs --osm FILE too (the extract the boundaries belong to)");
        }
        if (options.containsKey("--osm")) {
            try {
                OsmImporter.validateFile(Path.of(options.get("--osm")).toAbsolutePath());
            } catch (OsmImportException e) {
                throw new UnusableFileException(e.getMessage() + "; give --osm an existing .osm.pbf, .osm or .osm.gz file");
            }
        }
        if (options.containsKey("--boundaries")) {
            Path file = Path.of(options.get("--boundaries")).toAbsolutePath();
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new UnusableFileException("cannot read the boundaries file '" + file
                        + "'; give --boundaries an existing GeoJSON, GeoPackage, zipped Shapefile, KML, CSV or XLSX file");
            }
        }
        if (options.containsKey("--synthetic-households")) {
            try {
                int households = Integer.parseInt(options.get("--synthetic-households"));
                if (households < 1 || households > 10_000_000) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--synthetic-households must be a number from 1 to 10000000, got "
                        + options.get("--synthetic-households"));
            }
        }
    }

    /** The Spring Boot properties; the bundled sample takes {@code --synthetic-households} as its size. */
    List<String> springArguments() {
        List<String> result = new ArrayList<>();
        if (options.containsKey("--osm")) {
            result.add("--gridpatrol.area.enabled=true");
            result.add("--gridpatrol.osm-file=" + Path.of(options.get("--osm")).toAbsolutePath());
            if (options.containsKey("--boundaries")) {
                result.add("--gridpatrol.area.boundaries=" + Path.of(options.get("--boundaries")).toAbsolutePath());
            }
            if (options.containsKey("--synthetic-households")) {
                result.add("--gridpatrol.area.synthetic-households=" + options.get("--synthetic-households"));
            }
        } else if (options.containsKey("--synthetic-households")) {
            result.add("--gridpatrol.sample.households=" + options.get("--synthetic-households"));
        }
        return result;
    }
}
