package org.gridpatrol.data.export;

import org.gridpatrol.data.postgis.Jdbc;
import org.gridpatrol.data.postgis.UnknownIdException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Exports} in PostGIS: one statement per layer ({@link ExportSchemas}) read through a
 * server-side cursor (auto-commit off and a fetch size make pgjdbc fetch {@value Exports#FETCH_SIZE}
 * rows at a time), inside a read-only transaction so the export is one consistent snapshot.
 */
final class ExportQueries implements Exports {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private final Jdbc jdbc;

    ExportQueries(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public ExportSchema schema(ExportLayer layer, boolean personal) {
        return ExportSchemas.of(layer, personal).schema();
    }

    @Override
    public long stream(ExportLayer layer, long jurisdictionId, boolean personal, RowSink sink) throws IOException {
        ExportSchemas.Query query = ExportSchemas.of(layer, personal);
        try {
            return jdbc.withConnection("cannot export " + layer.path() + " of jurisdiction " + jurisdictionId, c -> {
                c.setReadOnly(true);
                try {
                    return Jdbc.transaction(c, t -> read(t, query, jurisdictionId, sink));
                } finally {
                    c.setReadOnly(false);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void audit(String username, ExportLayer layer, long jurisdictionId, String detail) {
        jdbc.update("INSERT INTO audit_event (username, action, jurisdiction_id, detail) VALUES (?, ?, ?, ?)", s -> {
            s.setString(1, username);
            s.setString(2, layer.path() + ".export");
            s.setLong(3, jurisdictionId);
            s.setString(4, detail);
        }, "cannot record the export of " + layer.path());
    }

    private static long read(Connection c, ExportSchemas.Query query, long jurisdictionId, RowSink sink) throws SQLException {
        if (Jdbc.queryOptional(c, "SELECT 1 FROM jurisdiction WHERE id = ?", s -> s.setLong(1, jurisdictionId), rs -> rs.getInt(1)).isEmpty()) {
            throw new UnknownIdException("no jurisdiction has id " + jurisdictionId);
        }
        List<ExportColumn> columns = query.schema().columns();
        WKBReader wkb = new WKBReader(WGS84);
        long rows = 0;
        try (PreparedStatement s = c.prepareStatement(query.sql())) {
            s.setFetchSize(FETCH_SIZE);
            s.setLong(1, jurisdictionId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Geometry geometry = wkb.read(rs.getBytes(1));
                    List<Object> values = new ArrayList<>(columns.size());
                    for (int i = 0; i < columns.size(); i++) {
                        values.add(value(rs, i + 2, columns.get(i).type()));
                    }
                    sink.accept(new ExportRow(geometry, values));
                    rows++;
                }
            }
        } catch (ParseException e) {
            throw new IllegalStateException("PostGIS returned a geometry JTS cannot read", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the sink's failure (a closed download): rethrown by stream()
        }
        return rows;
    }

    private static Object value(ResultSet rs, int index, ExportColumn.Type type) throws SQLException {
        Object value = switch (type) {
            case TEXT -> rs.getString(index);
            case INTEGER -> rs.getLong(index);
            case BOOLEAN -> rs.getBoolean(index);
            case DATE -> rs.getObject(index, LocalDate.class);
        };
        return rs.wasNull() ? null : value;
    }
}
