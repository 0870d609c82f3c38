package org.gridpatrol.data.imports;

import java.util.List;

/**
 * A file read row by row, never whole: the reader keeps at most a bounded buffer, so files far
 * larger than the heap can be imported. Implementations throw {@link ImportFileException} for
 * problems of the file as a whole (undecodable text, too many columns, a tool that fails).
 */
interface RowSource extends AutoCloseable {

    /** {@code csv}, {@code xlsx}, {@code geojson}, {@code gpkg}, {@code shp}, {@code kml}. */
    String format();

    /** The text encoding read, or null for binary formats. */
    String encoding();

    /** The column names (header), in order; never a geometry column. */
    List<String> columns();

    /** The coordinate system the file declares (.prj, GeoPackage), as a name for CoordinateSystem.of, or null. */
    String declaredCoordinateSystem();

    /** The next row, or null at the end. */
    SourceRow next();

    @Override
    void close();
}
