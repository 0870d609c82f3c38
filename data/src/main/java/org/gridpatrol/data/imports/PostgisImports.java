package org.gridpatrol.data.imports;

import org.gridpatrol.data.postgis.Jdbc;
import org.gridpatrol.geo.crs.CoordinateSystem;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link Imports} in PostGIS. A run is one transaction: the kind's rows are checked and written,
 * the audit event recorded, and then the transaction commits, or (dry run, cancel, file error)
 * rolls back. A dry run does all the database work the real run does and rolls it back, so its
 * counts are the real run's; only the slow derived work (blocks of new townships) is skipped.
 */
final class PostgisImports implements Imports {

    private final DataSource dataSource;
    private final ImportLimits limits;

    PostgisImports(DataSource dataSource, ImportLimits limits) {
        this.dataSource = dataSource;
        this.limits = limits;
    }

    static void checkCancelled(ImportProgress progress) {
        if (progress.cancelled()) {
            throw new ImportFileException(ImportFileException.Reason.CANCELLED, "the import was cancelled; nothing was changed");
        }
    }

    RowSource open(Path file, String fileName, String encoding, String requestedSystem) {
        FileFormat format = FileFormat.detect(file, fileName);
        new FileGuard(limits).check(file, fileName, format);
        return switch (format) {
            case CSV -> new CsvRowSource(file, fileName, encoding, limits);
            case XLSX -> new XlsxRowSource(file, fileName, limits);
            case GEOJSON -> new GeoJsonRowSource(file, fileName, limits);
            case GPKG, SHP, KML -> new OgrRowSource(file, fileName, format, requestedSystem, limits);
        };
    }

    @Override
    public ImportPreview preview(ImportKind kind, Path file, String fileName, String encoding) {
        try (RowSource source = open(file, fileName == null ? file.getFileName().toString() : fileName, encoding, null)) {
            List<List<String>> rows = new ArrayList<>();
            SourceRow row;
            while (rows.size() < 20 && (row = source.next()) != null) {
                List<String> values = new ArrayList<>(Arrays.asList(Arrays.copyOf(row.values(), source.columns().size())));
                rows.add(values);
            }
            List<String> fields = KindFields.fields(kind);
            return new ImportPreview(source.format(), source.encoding(), source.columns(), rows, fields,
                    KindFields.required(kind), KindFields.detect(kind, source.columns()), source.declaredCoordinateSystem());
        }
    }

    @Override
    public ImportReport run(ImportRequest request, ImportProgress progress) {
        ReportBuilder report = new ReportBuilder(request.kind(), request.dryRun());
        try (RowSource source = open(request.file(), request.fileName(), request.encoding(), request.coordinateSystem())) {
            boolean hasGeometry = !source.format().equals("csv") && !source.format().equals("xlsx");
            ColumnMap columns = new ColumnMap(request.kind(), source.columns(), request.columns(), hasGeometry);
            boolean gdalConverted = source instanceof OgrRowSource ogr && ogr.reprojected();
            CoordinateSystem system = gdalConverted ? CoordinateSystems.WGS84
                    : CoordinateSystems.resolve(request.coordinateSystem() != null ? request.coordinateSystem()
                    : source.declaredCoordinateSystem() != null && source.declaredCoordinateSystem().startsWith("EPSG:")
                    ? source.declaredCoordinateSystem() : null);
            return new Jdbc(dataSource).withConnection("import", c -> Jdbc.transaction(c, tx -> {
                work(tx, request, source, columns, system, report, progress);
                checkCancelled(progress);
                if (request.dryRun()) {
                    tx.rollback();
                    return report.build(false);
                }
                audit(tx, request, report, source.format());
                progress.update("writing", report.rows, report.rows);
                return report.build(true);
            }));
        }
    }

    private void work(Connection c, ImportRequest request, RowSource source, ColumnMap columns, CoordinateSystem system,
                      ReportBuilder report, ImportProgress progress) throws SQLException {
        switch (request.kind()) {
            case JURISDICTIONS -> {
                JurisdictionImport jurisdictions = new JurisdictionImport(c, report, request.scope());
                List<Long> townships = jurisdictions.run(source, columns, system, progress);
                if (!request.dryRun()) {
                    jurisdictions.deriveBlocks(townships, request.username(), progress);
                }
            }
            case HOUSEHOLDS, RENTALS, KEYPLACES, ADDRESSES -> new PointImport(c, request, report).run(source, columns, system, progress);
            default -> throw new ImportFileException(ImportFileException.Reason.UNSUPPORTED_FORMAT,
                    "importing " + request.kind().label() + " is not available yet");
        }
    }

    @Override
    public List<UnplacedRow> unplaced(long jurisdictionId) {
        return new UnplacedRows(dataSource).list(jurisdictionId);
    }

    @Override
    public long place(long unplacedId, double lon, double lat, Long scope, String username) {
        return new UnplacedRows(dataSource).place(unplacedId, lon, lat, scope, username);
    }

    private static void audit(Connection c, ImportRequest request, ReportBuilder report, String format) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO audit_event (username, action, jurisdiction_id, detail) VALUES (?, ?, ?, ?)")) {
            s.setString(1, request.username());
            s.setString(2, "import." + request.kind().label());
            s.setObject(3, request.scope());
            s.setString(4, report.auditDetail(request.fileName(), format)); // counts only: never a field value
            s.executeUpdate();
        }
    }
}
