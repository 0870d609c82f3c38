package org.gridpatrol.data.sample;

import org.locationtech.jts.geom.Coordinate;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Random;

/**
 * Writes synthetic households and rental properties into the registers, each placed at a random
 * dwelling site ({@link DwellingSites}) and given to the township that covers it.
 *
 * <p>Attributes follow rough shares of the source reports: 1–6 residents, about one household in
 * six with floating residents, one in twenty an elderly person living alone; rentals have 1–8
 * tenants, most of them floating residents, and an inspection due between 30 days ago and 90 days
 * ahead of {@code today}. Runs in the caller's transaction.
 */
final class SyntheticRegisterGenerator {

    private static final int[] RESIDENT_SHARES = {15, 25, 28, 18, 9, 5}; // percent for 1..6 residents

    private final Connection connection;
    private final SampleSize size;
    private final LocalDate today;

    SyntheticRegisterGenerator(Connection connection, SampleSize size, LocalDate today) {
        this.connection = connection;
        this.size = size;
        this.today = today;
    }

    void generate() throws SQLException {
        DwellingSites sites = DwellingSites.read(connection);
        Random random = new Random(size.seed());
        SyntheticPeople people = new SyntheticPeople(random);
        insertHouseholds(sites, random, people);
        insertRentals(sites, random, people);
        assignTownships();
    }

    private void insertHouseholds(DwellingSites sites, Random random, SyntheticPeople people) throws SQLException {
        String sql = """
                INSERT INTO household (address, head_name, head_phone, head_id_number, residents, floating_residents,
                                       elderly_living_alone, synthetic, geom)
                VALUES (?, ?, ?, ?, ?, ?, ?, true, ST_SetSRID(ST_MakePoint(?, ?), 4326))""";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 1; i <= size.households(); i++) {
                Coordinate at = sites.draw(random);
                boolean elderlyAlone = random.nextInt(100) < 5;
                int residents = elderlyAlone ? 1 : residents(random);
                int floating = !elderlyAlone && random.nextInt(6) == 0 ? 1 + random.nextInt(Math.max(1, residents)) : 0;
                insert.setString(1, "合成住户 Synthetic household " + i);
                insert.setString(2, people.name());
                insert.setString(3, people.phone());
                insert.setString(4, people.idNumber(elderlyAlone).value());
                insert.setInt(5, residents);
                insert.setInt(6, floating);
                insert.setBoolean(7, elderlyAlone);
                insert.setDouble(8, at.x);
                insert.setDouble(9, at.y);
                insert.addBatch();
                if (i % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private void insertRentals(DwellingSites sites, Random random, SyntheticPeople people) throws SQLException {
        String sql = """
                INSERT INTO rental_property (address, landlord_name, landlord_phone, tenants, floating_residents,
                                             next_inspection, synthetic, geom)
                VALUES (?, ?, ?, ?, ?, ?, true, ST_SetSRID(ST_MakePoint(?, ?), 4326))""";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 1; i <= size.rentals(); i++) {
                Coordinate at = sites.draw(random);
                int tenants = 1 + random.nextInt(8);
                insert.setString(1, "合成出租房 Synthetic rental " + i);
                insert.setString(2, people.name());
                insert.setString(3, people.phone());
                insert.setInt(4, tenants);
                insert.setInt(5, random.nextInt(tenants + 1));
                insert.setDate(6, Date.valueOf(today.plusDays(random.nextInt(121) - 30L)));
                insert.setDouble(7, at.x);
                insert.setDouble(8, at.y);
                insert.addBatch();
                if (i % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static int residents(Random random) {
        int pick = random.nextInt(100);
        for (int i = 0; i < RESIDENT_SHARES.length; i++) {
            pick -= RESIDENT_SHARES[i];
            if (pick < 0) {
                return i + 1;
            }
        }
        return RESIDENT_SHARES.length;
    }

    /** A point on a shared township boundary goes to the township with the lowest id. */
    private void assignTownships() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : new String[] {"household", "rental_property"}) {
                statement.execute("""
                        UPDATE %s r SET jurisdiction_id = j.id, county_code = j.county_code
                        FROM jurisdiction j
                        WHERE r.jurisdiction_id IS NULL
                          AND j.id = (SELECT min(t.id) FROM jurisdiction t
                                      WHERE t.level = 'township' AND ST_Covers(t.geom, r.geom))""".formatted(table));
            }
        }
    }
}
