package org.gridpatrol.data.register;

import org.gridpatrol.data.postgis.StaleVersionException;
import org.gridpatrol.data.postgis.UnknownIdException;
import org.gridpatrol.geo.plan.InvalidOperationException;
import org.gridpatrol.geo.register.RegisterKind;
import org.gridpatrol.geo.register.RegisterValues;

import javax.sql.DataSource;
import java.time.LocalDate;

/**
 * Households and rental properties, and the inspections of rentals. A new or moved row is put into
 * the published block that covers it (lowest id on a shared edge) and that block's grid, in the same
 * transaction; a point in no block of the caller's jurisdictions is refused. Changes name the row's
 * version and write an audit event that never holds a personal field.
 */
public interface Registers {

    /** Where a row landed. */
    record Saved(long id, int version, long jurisdictionId, long blockId, long gridId, String gridCode) {
    }

    /** Counts for viewers who may not see the rows. */
    record Aggregate(long rows, long people, long floatingResidents, long elderlyLivingAlone) {
    }

    /** The {@code household}, {@code rental_property} and {@code rental_inspection} tables of this database. */
    static Registers inPostgis(DataSource dataSource) {
        return new RegisterStore(dataSource);
    }

    /** @throws UnknownIdException when no row of the kind has the id */
    long jurisdictionOf(RegisterKind kind, long id);

    /**
     * The jurisdiction a grid, block or row belongs to.
     *
     * @param table {@code grid}, {@code block}, {@code household} or {@code rental_property}
     * @throws IllegalArgumentException for any other table
     * @throws UnknownIdException       when no row of the table has the id
     */
    long jurisdictionOf(String table, long id);

    /**
     * Rows of a grid or block as GeoJSON, with every field (for users of the owning jurisdiction).
     *
     * @param by {@code grid} or {@code block}
     */
    String list(RegisterKind kind, String by, long id);

    /** Counts of the rows of a grid ({@code by} = {@code grid}) or block. */
    Aggregate aggregate(RegisterKind kind, String by, long id);

    /**
     * Creates a row at (lon, lat) inside the caller's scope ({@code null}: everywhere).
     *
     * @throws InvalidOperationException (422) when the point is in no block of the scope
     */
    Saved create(RegisterKind kind, RegisterValues values, double lon, double lat, Long scope, String username);

    /**
     * Changes fields and, when {@code lon}/{@code lat} are given, moves the row (reassigning block and grid).
     *
     * @throws StaleVersionException when the row is not at {@code expectedVersion}
     */
    Saved update(RegisterKind kind, long id, int expectedVersion, RegisterValues values, Double lon, Double lat,
                 Long scope, String username);

    /** @throws StaleVersionException when the row is not at {@code expectedVersion} */
    void delete(RegisterKind kind, long id, int expectedVersion, String username);

    /** Records an inspection of a rental and moves its next inspection date; answers the inspection's id. */
    long addInspection(long rentalId, LocalDate inspectedOn, String inspector, String notes, LocalDate next,
                       String username);

    /** The inspection history of a rental, newest first, as a JSON array. */
    String inspections(long rentalId);
}
