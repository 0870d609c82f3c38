package org.gridpatrol.data.patrol;

import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.postgis.UnknownIdException;
import org.gridpatrol.data.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stored tracks on a fresh PostGIS database. One grid, the square
 * {@code POLYGON((1.50 42.50, 1.51 42.50, 1.51 42.51, 1.50 42.51, 1.50 42.50))}, with households at
 * 0, 30, 45, 60 and 200 m north of the line {@code lat = 42.505}; a track runs along that line
 * from lon 1.500 to 1.510 between 08:00 and 08:10 on 2026-12-01. A stored route has two stops: one
 * 20 m from a fix, one 300 m from every fix.
 */
class PatrolTracksIT {

    private static final double M_PER_DEG_LAT = 111_195.0;
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static DatabaseTarget db;
    private static PatrolTracks tracks;

    @BeforeAll
    static void data() throws Exception {
        db = TestDatabases.freshMigrated(PatrolTracksIT.class);
        tracks = PatrolTracks.inPostgis(db.dataSource());
        StringBuilder households = new StringBuilder();
        double[] north = {0, 30, 45, 60, 200};
        for (int i = 0; i < north.length; i++) {
            households.append(i == 0 ? "" : ",").append("(").append(i + 1).append(", 2, 'C', 10, 1, false, 'x', ST_SetSRID(ST_MakePoint(1.505, ")
                    .append(42.505 + north[i] / M_PER_DEG_LAT).append("), 4326))");
        }
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO jurisdiction (id, code, name, level, parent_id, county_code, geom) VALUES
                      (1, 'C', 'County', 'county', NULL, 'C', ST_Multi(ST_MakeEnvelope(1.4, 42.4, 1.6, 42.6, 4326))),
                      (2, 'T', 'Town', 'township', 1, 'C', ST_Multi(ST_MakeEnvelope(1.45, 42.45, 1.55, 42.55, 4326))),
                      (3, 'U', 'Other', 'township', 1, 'C', ST_Multi(ST_MakeEnvelope(1.55, 42.45, 1.6, 42.55, 4326)));
                    INSERT INTO grid (id, jurisdiction_id, county_code, code, name, geom) VALUES
                      (10, 2, 'C', 'G1', 'Grid 1', ST_Multi(ST_MakeEnvelope(1.50, 42.50, 1.51, 42.51, 4326)));
                    INSERT INTO patrol_team (id, jurisdiction_id, county_code, name, mode, shift_minutes, base) VALUES
                      (7, 2, 'C', 'Team Seven', 'foot', 240, ST_SetSRID(ST_MakePoint(1.5, 42.5), 4326));
                    INSERT INTO household (id, jurisdiction_id, county_code, grid_id, residents, elderly_living_alone, head_name, geom) VALUES
                    """ + households + ";" + """
                    INSERT INTO app_user (id, username, password_hash, role, jurisdiction_id) VALUES
                      (1, 'worker1', '{bcrypt}x', 'grid_worker', 2);
                    INSERT INTO patrol_route (id, jurisdiction_id, county_code, kind, mode, created_by, answer) VALUES
                      (50, 2, 'C', 'loop', 'foot', 'x', '{"routes":[{"team":1,"stops":[
                         {"checkpointId":"rental:1","kind":"rental_due","location":[1.5071,42.50518]},
                         {"checkpointId":"key_place:2","kind":"key_place","location":[1.5071,42.5077]}]}]}');
                    """);
        }
    }

    private static PatrolTracks.NewTrack alongTheLine(Long team, Long worker) {
        List<double[]> fixes = new java.util.ArrayList<>();
        for (int i = 0; i <= 10; i++) { // one fix a minute, 0.001° of longitude apart
            fixes.add(new double[] {1.500 + i * 0.001, 42.505, T0.getEpochSecond() + 60 * i});
        }
        return new PatrolTracks.NewTrack(2, team, worker, "json", "foot", "leader1", fixes,
                "MULTILINESTRING((1.5 42.505,1.51 42.505))", 11, 1, 819.0, 819.0);
    }

    private static PatrolTracks.Selection period(Long grid) {
        return new PatrolTracks.Selection(null, null, null, grid, T0.minusSeconds(3600), T0.plusSeconds(3600));
    }

    @Test
    void storesReadsListsAndDeletesWithAnAuditTrail() throws Exception {
        long before = tracks.count();
        long id = tracks.save(alongTheLine(7L, null));
        assertThat(tracks.count()).isEqualTo(before + 1);
        PatrolTracks.TrackDetail detail = tracks.find(id).orElseThrow();
        assertThat(detail.summary().startedAt()).isEqualTo(T0);
        assertThat(detail.summary().endedAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(detail.summary().teamName()).isEqualTo("Team Seven");
        assertThat(detail.summary().pointCount()).isEqualTo(11);
        assertThat(detail.pointsGeoJson()).startsWith("{\"type\":\"LineString\"");
        assertThat(detail.matchedGeoJson()).contains("MultiLineString");
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT ST_M(ST_PointN(points, 11)), GeometryType(points) FROM patrol_track WHERE id = " + id)) {
            rs.next();
            assertThat(rs.getDouble(1)).isEqualTo(T0.getEpochSecond() + 600.0);
            assertThat(rs.getString(2)).isEqualTo("LINESTRINGM");
        }
        assertThat(tracks.list(new PatrolTracks.Selection(2L, 7L, null, 10L, T0.minusSeconds(60), T0.plusSeconds(60)), 10))
                .extracting(PatrolTracks.TrackSummary::id).contains(id);
        assertThat(tracks.list(new PatrolTracks.Selection(3L, null, null, null, T0.minusSeconds(60), T0.plusSeconds(60)), 10)).isEmpty();
        assertThat(tracks.list(new PatrolTracks.Selection(null, null, null, null, T0.plusSeconds(700), T0.plusSeconds(800)), 10))
                .extracting(PatrolTracks.TrackSummary::id).doesNotContain(id);
        assertThat(tracks.delete(id, "admin")).isTrue();
        assertThat(tracks.delete(id, "admin")).isFalse();
        assertThat(tracks.find(id)).isEmpty();
    }

    @Test
    void householdsWithinFiftyMetresOfTheMatchedLine() {
        long id = tracks.save(alongTheLine(7L, null));
        try {
            PatrolTracks.HouseholdsPassed passed = tracks.householdsPassed(10, period(10L), 50);
            assertThat(passed.households()).isEqualTo(5);
            assertThat(passed.passed()).isEqualTo(3); // 0, 30 and 45 m; not 60 or 200 m
            assertThat(tracks.gridsCrossed(period(null))).containsExactly(10L);
            assertThatThrownBy(() -> tracks.householdsPassed(999, period(null), 50)).isInstanceOf(UnknownIdException.class);
        } finally {
            tracks.delete(id, "test");
        }
    }

    @Test
    void stopsNearAFixInThePeriodAreVisitedOthersMissed() {
        long id = tracks.save(alongTheLine(null, 1L));
        try {
            List<PatrolTracks.CheckpointVisit> visits = tracks.checkpointVisits(50, period(null), 50);
            assertThat(visits).extracting(PatrolTracks.CheckpointVisit::checkpointId).containsExactly("rental:1", "key_place:2");
            assertThat(visits).extracting(PatrolTracks.CheckpointVisit::visited).containsExactly(true, false);
            PatrolTracks.Selection later = new PatrolTracks.Selection(null, null, null, null, T0.plusSeconds(601), T0.plusSeconds(7200));
            assertThat(tracks.checkpointVisits(50, later, 50)).extracting(PatrolTracks.CheckpointVisit::visited).containsExactly(false, false);
        } finally {
            tracks.delete(id, "test");
        }
    }
}
