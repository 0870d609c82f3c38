package org.gridpatrol.web.export;

import org.gridpatrol.data.export.ExportSchema;
import org.gridpatrol.data.export.Exports;

import java.io.IOException;
import java.io.OutputStream;

/** Writes one format: pulls the rows from the source and writes the file to the download. */
interface FeatureFileWriter {

    /** The rows of an export, each geometry already in the requested coordinates. */
    @FunctionalInterface
    interface RowSource {
        /** Streams the rows to the sink and answers how many there were. */
        long stream(Exports.RowSink sink) throws IOException;
    }

    /**
     * Writes the file. Formats that need a finished file before the first byte can go out (GeoPackage,
     * Shapefile) build it in a temporary folder first, so a failure is still an error answer and
     * not a truncated download; {@code out} is only asked for when the file is ready.
     */
    void write(ExportSchema schema, ExportRequest request, RowSource rows, Download out) throws IOException;

    /** The response body, opened lazily (opening commits the status and headers). */
    @FunctionalInterface
    interface Download {
        OutputStream open() throws IOException;
    }
}
