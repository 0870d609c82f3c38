package org.gridpatrol.routing.graph;

import com.graphhopper.reader.ReaderWay;
import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.DefaultImportRegistry;
import com.graphhopper.routing.ev.EdgeIntAccess;
import com.graphhopper.routing.ev.ImportRegistry;
import com.graphhopper.routing.ev.ImportUnit;
import com.graphhopper.routing.ev.SimpleBooleanEncodedValue;
import com.graphhopper.routing.util.parsers.TagParser;
import com.graphhopper.storage.IntsRef;

import java.util.Set;

/**
 * Marks ways whose OSM tags say there is no sidewalk ({@code sidewalk=no|none}, or
 * {@code sidewalk:both=no}) in the boolean encoded value {@value #KEY}, so the foot profile can close
 * trunk roads without a sidewalk while merely avoiding the others. GraphHopper has no such value of
 * its own; {@link #registry()} adds it to GraphHopper's default import units.
 */
final class NoSidewalkParser implements TagParser {

    static final String KEY = "no_sidewalk";
    private static final Set<String> NONE = Set.of("no", "none");

    private final BooleanEncodedValue noSidewalk;

    NoSidewalkParser(BooleanEncodedValue noSidewalk) {
        this.noSidewalk = noSidewalk;
    }

    /** GraphHopper's import registry plus {@value #KEY} and {@value WalkLastResortParser#KEY}. */
    static ImportRegistry registry() {
        DefaultImportRegistry defaults = new DefaultImportRegistry();
        return name -> switch (name) {
            case KEY -> ImportUnit.create(KEY, properties -> new SimpleBooleanEncodedValue(KEY),
                    (lookup, properties) -> new NoSidewalkParser(lookup.getBooleanEncodedValue(KEY)));
            case WalkLastResortParser.KEY -> ImportUnit.create(WalkLastResortParser.KEY,
                    properties -> new SimpleBooleanEncodedValue(WalkLastResortParser.KEY),
                    (lookup, properties) -> new WalkLastResortParser(lookup.getBooleanEncodedValue(WalkLastResortParser.KEY)));
            default -> defaults.createImportUnit(name);
        };
    }

    static boolean hasNoSidewalk(ReaderWay way) {
        return NONE.contains(way.getTag("sidewalk", "")) || "no".equals(way.getTag("sidewalk:both", ""));
    }

    @Override
    public void handleWayTags(int edgeId, EdgeIntAccess edgeIntAccess, ReaderWay way, IntsRef relationFlags) {
        noSidewalk.setBool(false, edgeId, edgeIntAccess, hasNoSidewalk(way));
    }
}
