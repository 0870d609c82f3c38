package org.gridpatrol.web.patrol;

import com.graphhopper.util.DistanceCalcEarth;
import org.gridpatrol.data.patrol.PatrolTracks;
import org.gridpatrol.data.patrol.ServiceAreas;
import org.gridpatrol.geo.access.Role;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.routing.track.Fix;
import org.gridpatrol.routing.track.GraphRoadNetwork;
import org.gridpatrol.routing.track.HmmMatcher;
import org.gridpatrol.routing.track.MatchSettings;
import org.gridpatrol.routing.track.MatchedTrack;
import org.gridpatrol.routing.track.RawFix;
import org.gridpatrol.routing.track.TrackChecks;
import org.gridpatrol.routing.track.TrackRefusedException;
import org.gridpatrol.web.http.NotFoundException;
import org.gridpatrol.web.routing.RoutingGraphService;
import org.gridpatrol.web.security.AccessPolicy;
import org.gridpatrol.web.security.GridpatrolUser;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes an uploaded track in: decides its owner (a team or a worker, at most one given; none: the
 * caller) and so its
 * jurisdiction, checks the caller may patrol there, checks the points ({@link TrackChecks}), that
 * every point lies inside the jurisdiction and a {@value #BORDER_METERS} m border, map-matches it
 * ({@link HmmMatcher}) and stores raw and matched lines in one transaction. Anything refused stores nothing.
 */
@Component
class TrackIntake {

    static final int BORDER_METERS = 1000;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final RoutingGraphService graphs;
    private final PatrolTracks tracks;
    private final ServiceAreas areas;
    private final AccessPolicy access;
    private final TrackChecks checks;

    TrackIntake(RoutingGraphService graphs, PatrolTracks tracks, ServiceAreas areas, AccessPolicy access, TrackChecks checks) {
        this.graphs = graphs;
        this.tracks = tracks;
        this.areas = areas;
        this.access = access;
        this.checks = checks;
    }

    /** What the upload answers (no personal fields: ids only). */
    record Stored(long id, long jurisdictionId, Long teamId, Long workerId, String source, String mode, Instant startedAt,
                  Instant endedAt, int points, int matchedPoints, int droppedPoints, int chains, double rawLengthMeters,
                  double matchedLengthMeters) {
    }

    Stored accept(TrackBodyReader.Owner given, List<RawFix> raw, String source, GridpatrolUser user) {
        if (given.teamId() != null && given.workerId() != null) {
            throw new TrackRefusedException("teamId", "give exactly one of teamId and workerId");
        }
        // neither: the caller's own track (a worker uploading from the phone)
        TrackBodyReader.Owner owner = given.teamId() == null && given.workerId() == null
                ? new TrackBodyReader.Owner(null, tracks.userIdOf(user.getUsername()).orElseThrow(
                        () -> new TrackRefusedException("workerId", "give teamId or workerId")), given.mode())
                : given;
        long jurisdiction = owner.teamId() != null
                ? tracks.jurisdictionOfTeam(owner.teamId()).orElseThrow(() -> new NotFoundException("no patrol team has id " + owner.teamId()))
                : tracks.jurisdictionOfUser(owner.workerId()).orElseThrow(() -> new NotFoundException(
                        "no user with a jurisdiction has id " + owner.workerId()));
        access.require(user, Role.Right.PATROL, jurisdiction);
        TravelMode mode;
        try {
            mode = owner.mode() == null ? TravelMode.FOOT : TravelMode.parse(owner.mode());
        } catch (IllegalArgumentException e) {
            throw new TrackRefusedException("mode", e.getMessage());
        }
        List<Fix> fixes = checks.check(raw);
        RoutingGraph graph = PatrolRouteController.graph(graphs);
        requireInside(jurisdiction, raw);
        MatchedTrack matched = new HmmMatcher(GraphRoadNetwork.of(graph, mode), MatchSettings.defaults()).match(fixes);
        if (matched.lines().isEmpty()) {
            throw new TrackRefusedException.Outside("points", "no two consecutive fixes could be matched to roads a "
                    + mode.profileName() + " patrol may use (are the points on the road graph?)");
        }
        List<double[]> points = new ArrayList<>(fixes.size());
        double rawMeters = 0;
        for (int i = 0; i < fixes.size(); i++) {
            Fix f = fixes.get(i);
            points.add(new double[] {f.lon(), f.lat(), f.epochSeconds()});
            if (i > 0) {
                rawMeters += DistanceCalcEarth.DIST_EARTH.calcDist(fixes.get(i - 1).lat(), fixes.get(i - 1).lon(), f.lat(), f.lon());
            }
        }
        double matchedMeters = matched.lengthMeters();
        long id = tracks.save(new PatrolTracks.NewTrack(jurisdiction, owner.teamId(), owner.workerId(), source, mode.profileName(),
                user.getUsername(), points, matched.wkt(), matched.usedFixes(), matched.lines().size(), rawMeters, matchedMeters));
        return new Stored(id, jurisdiction, owner.teamId(), owner.workerId(), source, mode.profileName(),
                Instant.ofEpochMilli(Math.round(fixes.get(0).epochSeconds() * 1000)),
                Instant.ofEpochMilli(Math.round(fixes.get(fixes.size() - 1).epochSeconds() * 1000)), fixes.size(),
                matched.usedFixes(), matched.droppedFixes(), matched.lines().size(), Math.round(rawMeters * 10) / 10.0,
                Math.round(matchedMeters * 10) / 10.0);
    }

    private void requireInside(long jurisdiction, List<RawFix> raw) {
        PreparedGeometry area = PreparedGeometryFactory.prepare(
                PatrolRouteController.parseWkt(areas.jurisdictionArea(jurisdiction, BORDER_METERS)));
        for (int i = 0; i < raw.size(); i++) {
            RawFix p = raw.get(i);
            if (!area.covers(GEOMETRY.createPoint(new Coordinate(p.lon(), p.lat())))) {
                throw new TrackRefusedException.Outside(p.line() >= 0 ? "gpx line " + p.line() : "points[" + i + "]",
                        "lies outside jurisdiction " + jurisdiction + " and its " + BORDER_METERS + " m border");
            }
        }
    }
}
