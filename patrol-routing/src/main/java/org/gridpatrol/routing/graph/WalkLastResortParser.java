package org.gridpatrol.routing.graph;

import com.graphhopper.reader.ReaderWay;
import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.EdgeIntAccess;
import com.graphhopper.routing.util.parsers.TagParser;
import com.graphhopper.storage.IntsRef;

import java.util.Set;

/**
 * Marks ordinary roads that OSM closes to pedestrians ({@code foot=no}) but that a patrol on duty may
 * still walk along as a last resort: {@code highway} trunk, primary, secondary, tertiary (and their
 * links), unclassified or residential, not in a tunnel, not tagged without a sidewalk. In valleys the
 * only link between two towns is often such a road (Andorra's CG-1 between Andorra la Vella and Sant
 * Julià de Lòria); the foot profile prices these edges so high that they are used only when no legal
 * footway exists. Motorways, tunnels and roads without a sidewalk stay closed.
 */
final class WalkLastResortParser implements TagParser {

    static final String KEY = "walk_last_resort";
    private static final Set<String> ROADS = Set.of("trunk", "trunk_link", "primary", "primary_link", "secondary",
            "secondary_link", "tertiary", "tertiary_link", "unclassified", "residential");

    private final BooleanEncodedValue lastResort;

    WalkLastResortParser(BooleanEncodedValue lastResort) {
        this.lastResort = lastResort;
    }

    @Override
    public void handleWayTags(int edgeId, EdgeIntAccess edgeIntAccess, ReaderWay way, IntsRef relationFlags) {
        boolean closedToFoot = "no".equals(way.getTag("foot", "")) || "no".equals(way.getTag("access", ""))
                && !"yes".equals(way.getTag("foot", ""));
        boolean road = ROADS.contains(way.getTag("highway", ""));
        boolean tunnel = way.hasTag("tunnel") && !"no".equals(way.getTag("tunnel"));
        boolean noSidewalk = NoSidewalkParser.hasNoSidewalk(way);
        lastResort.setBool(false, edgeId, edgeIntAccess, closedToFoot && road && !tunnel && !noSidewalk);
    }
}
