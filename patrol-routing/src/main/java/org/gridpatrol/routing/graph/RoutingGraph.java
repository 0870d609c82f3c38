package org.gridpatrol.routing.graph;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.GraphHopper;
import com.graphhopper.ResponsePath;
import com.graphhopper.config.CHProfile;
import com.graphhopper.config.LMProfile;
import com.graphhopper.config.Profile;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.util.DefaultSnapFilter;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.CustomModel;
import com.graphhopper.util.PMap;
import com.graphhopper.util.GHUtility;
import com.graphhopper.util.PointList;
import com.graphhopper.util.shapes.GHPoint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static com.graphhopper.json.Statement.Else;
import static com.graphhopper.json.Statement.ElseIf;
import static com.graphhopper.json.Statement.If;
import static com.graphhopper.json.Statement.Op.LIMIT;
import static com.graphhopper.json.Statement.Op.MULTIPLY;

/**
 * The routing graph of one OSM extract: built on first use into a folder, reloaded from there
 * afterwards (GraphHopper rebuilds when the folder was made from another file or configuration).
 *
 * <p>Profiles: {@code car} with contraction hierarchies; {@code foot} (off motorways and trunk roads
 * without a sidewalk, other trunk roads strongly avoided, roads closed to pedestrians only as a last
 * resort; {@link #footModel()}) and {@code bike} with landmarks. A folder
 * built with other profiles is rebuilt ({@link GraphFingerprint}). Thread-safe for queries once built; {@link #close()}
 * releases the memory-mapped files.
 */
public final class RoutingGraph implements AutoCloseable {

    private static final String ENCODED_VALUES = String.join(",",
            "car_access", "car_average_speed", "road_access",
            "foot_access", "foot_priority", "foot_average_speed", "foot_road_access",
            "bike_access", "bike_priority", "bike_average_speed", "bike_road_access", "roundabout",
            "hike_rating", "mtb_rating", "average_slope", "country", "road_class", NoSidewalkParser.KEY, WalkLastResortParser.KEY);

    private final GraphHopper hopper;
    private final java.util.Map<TravelMode, Weighting> weightings = new java.util.concurrent.ConcurrentHashMap<>();

    private RoutingGraph(GraphHopper hopper) {
        this.hopper = hopper;
    }

    /**
     * Loads the graph stored in {@code graphFolder}, or builds it there from {@code osmFile}.
     *
     * @param osmFile     an OSM extract ({@code .osm.pbf}, {@code .osm} or {@code .osm.gz})
     * @param graphFolder where the graph files live; created when missing
     */
    public static RoutingGraph loadOrBuild(Path osmFile, Path graphFolder) {
        GraphHopper hopper = new GraphHopper();
        hopper.setOSMFile(osmFile.toString());
        hopper.setGraphHopperLocation(graphFolder.toString());
        hopper.setImportRegistry(NoSidewalkParser.registry());
        hopper.setEncodedValuesString(ENCODED_VALUES);
        List<Profile> profiles = List.of(
                new Profile(TravelMode.CAR.profileName()).setCustomModel(GHUtility.loadCustomModelFromJar("car.json")),
                new Profile(TravelMode.FOOT.profileName()).setCustomModel(footModel()),
                new Profile(TravelMode.BIKE.profileName()).setCustomModel(GHUtility.loadCustomModelFromJar("bike.json")));
        hopper.setProfiles(profiles);
        String fingerprint = GraphFingerprint.of(ENCODED_VALUES, profiles);
        GraphFingerprint.prepare(graphFolder, fingerprint);
        hopper.getCHPreparationHandler().setCHProfiles(new CHProfile(TravelMode.CAR.profileName()));
        hopper.getLMPreparationHandler().setLMProfiles(
                new LMProfile(TravelMode.FOOT.profileName()), new LMProfile(TravelMode.BIKE.profileName()));
        hopper.importOrLoad();
        GraphFingerprint.record(graphFolder, fingerprint);
        return new RoutingGraph(hopper);
    }

    /**
     * GraphHopper's foot model (which already prefers footways, paths and pedestrian streets and avoids
     * fast roads), changed for patrols: motorways closed; trunk roads passable at {@value #TRUNK_ON_FOOT}
     * of their priority, closed without a sidewalk; ordinary roads OSM closes to pedestrians passable at
     * {@value #LAST_RESORT} and {@value #LAST_RESORT_KMH} km/h ({@link WalkLastResortParser}) so that a
     * patrol takes them only where no legal way exists.
     */
    static CustomModel footModel() {
        CustomModel model = new CustomModel();
        String lastResort = WalkLastResortParser.KEY + " && !foot_access";
        model.addToPriority(If(lastResort, MULTIPLY, LAST_RESORT));
        model.addToPriority(ElseIf("!foot_access || hike_rating >= 2", MULTIPLY, "0"));
        model.addToPriority(Else(MULTIPLY, "foot_priority"));
        model.addToPriority(If("country == DEU && road_class == BRIDLEWAY && foot_road_access != YES", MULTIPLY, "0"));
        model.addToPriority(If("mtb_rating > 3", MULTIPLY, "0.7"));
        model.addToPriority(If("foot_road_access == PRIVATE", MULTIPLY, "0.1"));
        model.addToPriority(If("road_class == MOTORWAY", MULTIPLY, "0"));
        model.addToPriority(If("road_class == TRUNK && " + NoSidewalkParser.KEY, MULTIPLY, "0"));
        model.addToPriority(If("road_class == TRUNK", MULTIPLY, TRUNK_ON_FOOT));
        model.addToSpeed(If(lastResort, LIMIT, LAST_RESORT_KMH));
        model.addToSpeed(Else(LIMIT, "foot_average_speed"));
        return model;
    }

    /** Priority factor of a road closed to pedestrians that a patrol may walk as a last resort. */
    static final String LAST_RESORT = "0.02";
    static final String LAST_RESORT_KMH = "4";

    /** Priority factor of a trunk road with a sidewalk or unknown sidewalk, on foot. */
    static final String TRUNK_ON_FOOT = "0.2";

    /**
     * The fastest route for {@code mode} from {@code from} to {@code to}.
     *
     * @throws NoRouteException when either point is off the network or no path connects them
     */
    public Route route(TravelMode mode, GeoPoint from, GeoPoint to) {
        GHRequest request = new GHRequest(new GHPoint(from.lat(), from.lon()), new GHPoint(to.lat(), to.lon()))
                .setProfile(mode.profileName())
                .setLocale(Locale.ENGLISH);
        if (mode != TravelMode.CAR) {
            // only car has contraction hierarchies; the others route with landmarks
            request.putHint("ch.disable", true);
        }
        GHResponse response = hopper.route(request);
        if (response.hasErrors()) {
            throw new NoRouteException("no " + mode.profileName() + " route from " + from + " to " + to + ": "
                    + response.getErrors().get(0).getMessage());
        }
        ResponsePath best = response.getBest();
        return new Route(mode, best.getDistance(), best.getTime() / 1000.0, toGeoPoints(best.getPoints()));
    }

    private static List<GeoPoint> toGeoPoints(PointList points) {
        List<GeoPoint> result = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            result.add(new GeoPoint(points.getLon(i), points.getLat(i)));
        }
        return result;
    }

    /**
     * Snaps {@code point} to the nearest road {@code mode} may use (in the graph's main network for
     * that mode, as GraphHopper's routing does).
     *
     * @param label         names the point in the exception (e.g. {@code base}, {@code checkpoints[3] (A7)})
     * @param maxSnapMeters how far from a road a point may lie
     * @throws PointOffNetworkException when no usable road lies within {@code maxSnapMeters}
     */
    public SnappedPoint snap(TravelMode mode, GeoPoint point, String label, double maxSnapMeters) {
        return SnappedPoint.of(label, point, locate(mode, point, label, maxSnapMeters));
    }

    /**
     * GraphHopper's snap of {@code point}, checked as in {@link #snap}; a fresh object on every call,
     * because building a query graph changes it (engine packages only).
     */
    public Snap locate(TravelMode mode, GeoPoint point, String label, double maxSnapMeters) {
        return locate(weighting(mode), mode, point, label, maxSnapMeters);
    }

    /** The same with a given weighting (e.g. one kept inside a {@link PatrolArea}). */
    public Snap locate(Weighting weighting, TravelMode mode, GeoPoint point, String label, double maxSnapMeters) {
        Snap snap = hopper.getLocationIndex().findClosest(point.lat(), point.lon(), new DefaultSnapFilter(weighting,
                hopper.getEncodingManager().getBooleanEncodedValue(Subnetwork.key(mode.profileName()))));
        if (!snap.isValid()) {
            throw new PointOffNetworkException(label, point, Double.POSITIVE_INFINITY, maxSnapMeters);
        }
        if (snap.getQueryDistance() > maxSnapMeters) {
            throw new PointOffNetworkException(label, point, snap.getQueryDistance(), maxSnapMeters);
        }
        return snap;
    }

    /**
     * The profile's weighting as GraphHopper routes with it (speeds, access, priorities); made once
     * per mode (creating one compiles the custom model) and shared, as weightings hold no state.
     */
    public Weighting weighting(TravelMode mode) {
        return weightings.computeIfAbsent(mode, m -> hopper.createWeighting(hopper.getProfile(m.profileName()), new PMap()));
    }

    /**
     * The profile's weighting kept inside {@code area} (roads outside closed); made per call, as
     * each compiles its own custom model.
     */
    public Weighting weighting(TravelMode mode, PatrolArea area) {
        if (area == null) {
            return weighting(mode);
        }
        return hopper.createWeighting(hopper.getProfile(mode.profileName()),
                new PMap().putObject(CustomModel.KEY, area.customModel()));
    }

    /**
     * The embedded GraphHopper, for the engine's own packages (matrix, isochrones, street
     * subgraphs) that work on its graph directly; callers outside the engine use the methods above.
     */
    public GraphHopper hopper() {
        return hopper;
    }

    /** Number of road edges in the graph, a cheap readiness and sanity measure. */
    public int edgeCount() {
        return hopper.getBaseGraph().getEdges();
    }

    @Override
    public void close() {
        hopper.close();
    }
}
