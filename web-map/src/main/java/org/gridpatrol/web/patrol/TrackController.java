package org.gridpatrol.web.patrol;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridpatrol.data.patrol.PatrolTracks;
import org.gridpatrol.geo.access.Role;
import org.gridpatrol.routing.track.GpxFixReader;
import org.gridpatrol.routing.track.RawFix;
import org.gridpatrol.routing.track.TrackRefusedException;
import org.gridpatrol.web.http.NotFoundException;
import org.gridpatrol.web.security.AccessPolicy;
import org.gridpatrol.web.security.GridpatrolUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GPS tracks of patrols (issue 18, ADR 0041): {@code POST /api/patrol/tracks} takes a GPX 1.1 file
 * (multipart field {@code file}, or the body as {@code application/gpx+xml}, owner in the query) or
 * JSON points, map-matches and stores it; {@code GET} lists and reads tracks; {@code DELETE} removes
 * one (its uploader, or a planner/admin). Tracks are personal data of their workers: only callers
 * with the patrol right inside the track's jurisdiction see them (ADR 0018); elsewhere the coverage
 * report gives counts.
 */
@RestController
@Tag(name = "patrol")
public class TrackController {

    static final String GPX = "application/gpx+xml";
    private static final int LIST_LIMIT = 500;

    private final TrackIntake intake;
    private final PatrolTracks tracks;
    private final AccessPolicy access;
    private final JsonMapper json;

    public TrackController(TrackIntake intake, PatrolTracks tracks, AccessPolicy access, JsonMapper json) {
        this.intake = intake;
        this.tracks = tracks;
        this.access = access;
        this.json = json;
    }

    @PostMapping(path = "/api/patrol/tracks", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Upload a GPS track as JSON points",
            description = "Body {teamId | workerId (neither: the caller's own track), mode: foot|bike|car (default foot), points:[{lon, lat, time, accuracy?}]}; "
                    + "time ISO 8601 with zone or epoch seconds. 2..100,000 points (gridpatrol.tracks.max-points), in time "
                    + "order, no jump of 50 km, all inside the owner's jurisdiction + 1 km. Map-matched and stored.")
    @ApiResponse(responseCode = "201", description = "matched and stored")
    @ApiResponse(responseCode = "400", description = "the track fails a check (field names the point)")
    @ApiResponse(responseCode = "422", description = "points outside the jurisdiction or off the road graph")
    // bodies are required: a request without body (and so without Content-Type) then matches none of the three
    // uploads and is answered 415 instead of being ambiguous between them
    public ResponseEntity<TrackIntake.Stored> uploadJson(@RequestBody String body,
                                                          @AuthenticationPrincipal GridpatrolUser user) {
        TrackBodyReader.Body track = TrackBodyReader.read(json, body);
        return created(intake.accept(track.owner(), track.points(), "json", user));
    }

    @PostMapping(path = "/api/patrol/tracks", consumes = {GPX, MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @Operation(summary = "Upload a GPS track as a GPX body", description = "Query teamId or workerId, mode; the GPX file as the body.")
    public ResponseEntity<TrackIntake.Stored> uploadGpx(@RequestBody byte[] body,
                                                         @RequestParam(name = "teamId", required = false) Long teamId,
                                                         @RequestParam(name = "workerId", required = false) Long workerId,
                                                         @RequestParam(name = "mode", required = false) String mode,
                                                         @AuthenticationPrincipal GridpatrolUser user) {
        List<RawFix> points = GpxFixReader.read(new ByteArrayInputStream(body));
        return created(intake.accept(new TrackBodyReader.Owner(teamId, workerId, mode), points, "gpx", user));
    }

    @PostMapping(path = "/api/patrol/tracks", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a GPS track as a GPX file", description = "Multipart field file (GPX 1.1); fields teamId or workerId, mode.")
    public ResponseEntity<TrackIntake.Stored> uploadFile(@RequestParam(name = "file", required = false) MultipartFile file,
                                                          @RequestParam(name = "teamId", required = false) Long teamId,
                                                          @RequestParam(name = "workerId", required = false) Long workerId,
                                                          @RequestParam(name = "mode", required = false) String mode,
                                                          @AuthenticationPrincipal GridpatrolUser user) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new TrackRefusedException("file", "a GPX file is required");
        }
        List<RawFix> points;
        try (InputStream in = file.getInputStream()) {
            points = GpxFixReader.read(in);
        }
        return created(intake.accept(new TrackBodyReader.Owner(teamId, workerId, mode), points, "gpx", user));
    }

    private static ResponseEntity<TrackIntake.Stored> created(TrackIntake.Stored stored) {
        return ResponseEntity.created(URI.create("/api/patrol/tracks/" + stored.id())).body(stored);
    }

    @GetMapping(path = "/api/patrol/tracks", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List GPS tracks",
            description = "Tracks overlapping from..to (dates or ISO times), optionally of a team, a worker or crossing a grid; "
                    + "only inside the caller's jurisdiction, at most 500.")
    public Map<String, Object> list(@RequestParam(name = "from", required = false) String from,
                                    @RequestParam(name = "to", required = false) String to,
                                    @RequestParam(name = "team", required = false) Long team,
                                    @RequestParam(name = "worker", required = false) Long worker,
                                    @RequestParam(name = "grid", required = false) Long grid,
                                    @AuthenticationPrincipal GridpatrolUser user) {
        access.require(user, Role.Right.PATROL);
        TrackPeriod period = TrackPeriod.parse(from, to);
        if (team != null) {
            access.require(user, Role.Right.PATROL, tracks.jurisdictionOfTeam(team)
                    .orElseThrow(() -> new NotFoundException("no patrol team has id " + team)));
        }
        if (worker != null) {
            access.require(user, Role.Right.PATROL, tracks.jurisdictionOfUser(worker)
                    .orElseThrow(() -> new NotFoundException("no user with a jurisdiction has id " + worker)));
        }
        List<PatrolTracks.TrackSummary> found = tracks.list(new PatrolTracks.Selection(user.jurisdictionId(), team, worker, grid,
                period.from(), period.to()), LIST_LIMIT);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("from", period.from().toString());
        answer.put("to", period.to().toString());
        answer.put("tracks", found.stream().map(t -> summary(t, user)).toList());
        answer.put("limited", found.size() == LIST_LIMIT);
        return answer;
    }

    @GetMapping(path = "/api/patrol/tracks/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A GPS track with its raw and matched lines (GeoJSON geometries)")
    public Map<String, Object> get(@PathVariable("id") long id, @AuthenticationPrincipal GridpatrolUser user) {
        PatrolTracks.TrackDetail track = tracks.find(id).orElseThrow(() -> new NotFoundException("no track has id " + id));
        access.require(user, Role.Right.PATROL, track.summary().jurisdictionId());
        Map<String, Object> answer = summary(track.summary(), user);
        answer.put("points", json.readTree(track.pointsGeoJson()));
        answer.put("matched", track.matchedGeoJson() == null ? null : json.readTree(track.matchedGeoJson()));
        return answer;
    }

    @DeleteMapping("/api/patrol/tracks/{id}")
    @Operation(summary = "Delete a GPS track", description = "Its uploader, or a planner or administrator of its jurisdiction.")
    @ApiResponse(responseCode = "204", description = "deleted")
    public ResponseEntity<Void> delete(@PathVariable("id") long id, @AuthenticationPrincipal GridpatrolUser user) {
        PatrolTracks.TrackDetail track = tracks.find(id).orElseThrow(() -> new NotFoundException("no track has id " + id));
        long jurisdiction = track.summary().jurisdictionId();
        access.require(user, Role.Right.PATROL, jurisdiction);
        if (!user.getUsername().equals(track.summary().createdBy())) {
            access.require(user, Role.Right.PLAN, jurisdiction);
        }
        tracks.delete(id, user.getUsername());
        return ResponseEntity.noContent().build();
    }

    private Map<String, Object> summary(PatrolTracks.TrackSummary t, GridpatrolUser user) {
        boolean personal = access.seesPersonalFields(user, t.jurisdictionId());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("jurisdictionId", t.jurisdictionId());
        m.put("teamId", t.teamId());
        m.put("teamName", t.teamName());
        m.put("workerId", t.workerUserId());
        m.put("workerName", personal ? t.workerName() : null);
        m.put("startedAt", t.startedAt().toString());
        m.put("endedAt", t.endedAt().toString());
        m.put("source", t.source());
        m.put("mode", t.mode());
        m.put("points", t.pointCount());
        m.put("matchedPoints", t.matchedPoints());
        m.put("chains", t.chains());
        m.put("rawLengthMeters", Math.round(t.rawLengthMeters() * 10) / 10.0);
        m.put("matchedLengthMeters", Math.round(t.matchedLengthMeters() * 10) / 10.0);
        m.put("createdBy", personal ? t.createdBy() : null);
        m.put("createdAt", t.createdAt().toString());
        return m;
    }
}
