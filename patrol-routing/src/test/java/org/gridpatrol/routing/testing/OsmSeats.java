package org.gridpatrol.routing.testing;

import com.graphhopper.reader.ReaderElement;
import com.graphhopper.reader.ReaderNode;
import com.graphhopper.reader.ReaderRelation;
import com.graphhopper.reader.osm.OSMInputFile;
import org.gridpatrol.routing.graph.GeoPoint;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seats of an extract's jurisdictions, read from the OSM data itself (never from names): the
 * {@code admin_centre} members of {@code boundary=administrative} relations below the country level;
 * when the extract has fewer than two, its {@code place=city|town|village} nodes.
 */
public final class OsmSeats {

    private static final Set<String> TOWNS = Set.of("city", "town", "village");

    private OsmSeats() {
    }

    /** Seat name (or node id) → position. */
    public static Map<String, GeoPoint> of(File osmFile) throws Exception {
        Map<Long, ReaderNode> placeNodes = new HashMap<>();
        List<Long> centres = new ArrayList<>();
        try (OSMInputFile in = new OSMInputFile(osmFile).setWorkerThreads(1).open()) {
            ReaderElement element;
            while ((element = in.getNext()) != null) {
                if (element instanceof ReaderNode node && node.hasTag("place")) {
                    placeNodes.put(node.getId(), node);
                } else if (element instanceof ReaderRelation relation
                        && "administrative".equals(relation.getTag("boundary")) && belowCountry(relation)) {
                    for (ReaderRelation.Member member : relation.getMembers()) {
                        if ("admin_centre".equals(member.getRole()) && member.getType() == ReaderElement.Type.NODE) {
                            centres.add(member.getRef());
                        }
                    }
                }
            }
        }
        Map<String, GeoPoint> seats = new LinkedHashMap<>();
        for (long id : centres) {
            ReaderNode node = placeNodes.get(id);
            if (node != null) {
                seats.put(label(node), new GeoPoint(node.getLon(), node.getLat()));
            }
        }
        if (seats.size() < 2) {
            for (ReaderNode node : placeNodes.values()) {
                if (TOWNS.contains(node.getTag("place"))) {
                    seats.put(label(node), new GeoPoint(node.getLon(), node.getLat()));
                }
            }
        }
        return seats;
    }

    private static boolean belowCountry(ReaderRelation relation) {
        try {
            return Integer.parseInt(relation.getTag("admin_level", "0")) > 2;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String label(ReaderNode node) {
        return node.getTag("name", "node " + node.getId()) + " (" + node.getId() + ")";
    }
}
