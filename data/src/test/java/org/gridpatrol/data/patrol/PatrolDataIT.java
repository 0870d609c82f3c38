package org.gridpatrol.data.patrol;

import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.postgis.UnknownIdException;
import org.gridpatrol.data.testing.Sql;
import org.gridpatrol.data.testing.TestDatabases;
import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.patrol.CheckpointKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Checkpoints chosen from the registers and stored routes, on a fresh PostGIS database. One grid
 * (a 0.01° square, WKT below) in one township:
 * <pre>
 *   POLYGON((1.50 42.50, 1.51 42.50, 1.51 42.51, 1.50 42.51, 1.50 42.50))
 *   rentals: 1 due in 3 days, 2 due in 30 days, 3 overdue, 4 no date
 *   households: 1 elderly living alone, 2 not
 *   key places: 1
 * </pre>
 */
class PatrolDataIT {

    private static DatabaseTarget db;
    private static long grid;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @BeforeAll
    static void data() throws Exception {
        db = TestDatabases.freshMigrated(PatrolDataIT.class);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO jurisdiction (id, code, name, level, parent_id, county_code, geom) VALUES
                      (1, 'C', 'County', 'county', NULL, 'C', ST_Multi(ST_MakeEnvelope(1.4, 42.4, 1.6, 42.6, 4326))),
                      (2, 'T', 'Town', 'township', 1, 'C', ST_Multi(ST_MakeEnvelope(1.45, 42.45, 1.55, 42.55, 4326)));
                    INSERT INTO grid (id, jurisdiction_id, county_code, code, name, geom) VALUES
                      (10, 2, 'C', 'G1', 'Grid 1', ST_Multi(ST_MakeEnvelope(1.50, 42.50, 1.51, 42.51, 4326)));
                    INSERT INTO rental_property (id, jurisdiction_id, county_code, grid_id, tenants, next_inspection, landlord_name, geom) VALUES
                      (1, 2, 'C', 10, 2, DATE '2026-11-26', 'Secret Landlord', ST_SetSRID(ST_MakePoint(1.501, 42.501), 4326)),
                      (2, 2, 'C', 10, 2, DATE '2026-12-23', 'x', ST_SetSRID(ST_MakePoint(1.502, 42.502), 4326)),
                      (3, 2, 'C', 10, 2, DATE '2026-11-01', 'x', ST_SetSRID(ST_MakePoint(1.503, 42.503), 4326)),
                      (4, 2, 'C', 10, 2, NULL, 'x', ST_SetSRID(ST_MakePoint(1.504, 42.504), 4326));
                    INSERT INTO household (id, jurisdiction_id, county_code, grid_id, residents, elderly_living_alone, head_name, geom) VALUES
                      (1, 2, 'C', 10, 1, true, 'Secret Elder', ST_SetSRID(ST_MakePoint(1.505, 42.505), 4326)),
                      (2, 2, 'C', 10, 3, false, 'x', ST_SetSRID(ST_MakePoint(1.506, 42.506), 4326));
                    INSERT INTO key_place (id, jurisdiction_id, county_code, grid_id, kind, name, geom) VALUES
                      (1, 2, 'C', 10, 'school', 'School', ST_SetSRID(ST_MakePoint(1.507, 42.507), 4326));
                    """);
        }
        grid = 10;
    }

    @Test
    void rentalsDueWithinTheWindowIncludingOverdueOnes() {
        List<Checkpoints.Place> places = new CheckpointQueries(db.dataSource())
                .inGrid(grid, Set.of(CheckpointKind.RENTAL_DUE), 7, TODAY);
        assertThat(places).extracting(Checkpoints.Place::id).containsExactly("rental:1", "rental:3");
        assertThat(places.get(0).at()).isEqualTo(new GeoPoint(1.501, 42.501));
    }

    @Test
    void everyKindOfTheGrid() {
        List<Checkpoints.Place> places = new CheckpointQueries(db.dataSource())
                .inGrid(grid, EnumSet.allOf(CheckpointKind.class), 30, TODAY);
        assertThat(places).extracting(Checkpoints.Place::id)
                .containsExactly("rental:1", "rental:2", "rental:3", "key_place:1", "household:1");
        assertThat(places.toString()).doesNotContain("Secret");
    }

    @Test
    void unknownGridAndBadWindowAreRefused() {
        CheckpointQueries queries = new CheckpointQueries(db.dataSource());
        assertThatThrownBy(() -> queries.inGrid(999, Set.of(CheckpointKind.KEY_PLACE), 7, TODAY))
                .isInstanceOf(UnknownIdException.class).hasMessageContaining("999");
        assertThatThrownBy(() -> queries.inGrid(grid, Set.of(CheckpointKind.KEY_PLACE), -1, TODAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dueWithinDays");
    }

    @Test
    void theDeepestJurisdictionHoldsAPoint() {
        CheckpointQueries queries = new CheckpointQueries(db.dataSource());
        assertThat(queries.jurisdictionAt(new GeoPoint(1.5, 42.5))).contains(2L);
        assertThat(queries.jurisdictionAt(new GeoPoint(1.42, 42.42))).contains(1L);
        assertThat(queries.jurisdictionAt(new GeoPoint(2.0, 42.0))).isEmpty();
    }

    @Test
    void aStoredRouteIsReadBackWithItsTeamLinesAndAnAuditEvent() throws Exception {
        PatrolRouteStore store = new PatrolRouteStore(db.dataSource());
        long before = store.count();
        long id = store.reserveId();
        store.save(id, new PatrolRoutes.NewRoute(2, "loop", "foot", "leader", "{\"routes\":[]}", List.of(
                new PatrolRoutes.TeamLine(1, 1200, 900, 2, List.of(new GeoPoint(1.501, 42.501), new GeoPoint(1.502, 42.502))),
                new PatrolRoutes.TeamLine(2, 0, 0, 0, List.of(new GeoPoint(1.503, 42.503))))));
        assertThat(store.count()).isEqualTo(before + 1);
        PatrolRoutes.StoredRoute stored = store.find(id).orElseThrow();
        assertThat(stored.jurisdictionId()).isEqualTo(2);
        assertThat(stored.answerJson()).isEqualTo("{\"routes\": []}");
        assertThat(Sql.string(db, "SELECT ST_AsText(geom) FROM patrol_route_team WHERE route_id = " + id + " AND team = 1"))
                .isEqualTo("LINESTRING(1.501 42.501,1.502 42.502)");
        assertThat(Sql.string(db, "SELECT county_code FROM patrol_route WHERE id = " + id)).isEqualTo("C");
        assertThat(Sql.string(db, "SELECT detail FROM audit_event WHERE action = 'patrol.route'")).contains("route " + id);
        assertThat(store.find(id + 1000)).isEmpty();
    }

    @Test
    void aRouteOfAnUnknownJurisdictionStoresNothing() {
        PatrolRouteStore store = new PatrolRouteStore(db.dataSource());
        long before = store.count();
        assertThatThrownBy(() -> store.save(store.reserveId(), new PatrolRoutes.NewRoute(77, "loop", "foot", "leader", "{}", List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("77");
        assertThat(store.count()).isEqualTo(before);
    }
}
