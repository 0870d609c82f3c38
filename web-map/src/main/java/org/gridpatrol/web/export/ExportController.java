package org.gridpatrol.web.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.gridpatrol.data.export.ExportRow;
import org.gridpatrol.data.export.ExportSchema;
import org.gridpatrol.data.export.Exports;
import org.gridpatrol.data.jurisdiction.Jurisdictions;
import org.gridpatrol.geo.crs.CoordinateSystem;
import org.gridpatrol.web.http.NotFoundException;
import org.gridpatrol.web.security.AccessPolicy;
import org.gridpatrol.web.security.GridpatrolUser;
import org.springframework.http.ContentDisposition;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/exports/{layer}?jurisdiction=ID&format=…&encoding=…&crs=…}: a jurisdiction's layer
 * (and everything below the jurisdiction) as a file. Every logged-in user may export what the API shows
 * them: jurisdictions, grids and blocks to all; households and rentals row by row, with names, phones
 * and ID numbers, only to roles that see personal fields inside their own jurisdiction
 * ({@link AccessPolicy#seesPersonalFields}), and as counts per grid to everyone else, the registers
 * API's aggregate answer. Parameters are checked and the jurisdiction looked up before the first byte
 * is written, so those failures are problem+json; the body is written as the rows arrive (CSV) or
 * once the file is complete (XLSX, GeoPackage, Shapefile). A download with personal fields writes an
 * audit event ({@code households.export}: format, coordinates, rows).
 */
@RestController
public class ExportController {

    private final Exports exports;
    private final Jurisdictions jurisdictions;
    private final AccessPolicy access;

    public ExportController(Exports exports, Jurisdictions jurisdictions, AccessPolicy access) {
        this.exports = exports;
        this.jurisdictions = jurisdictions;
        this.access = access;
    }

    @Operation(summary = "A layer of a jurisdiction as GeoPackage, zipped Shapefile, XLSX or CSV (registers: rows with personal "
            + "fields inside the caller's own jurisdiction, counts per grid elsewhere)", responses = {
            @ApiResponse(responseCode = "200", description = "the file, named in Content-Disposition", content = {
                    @Content(mediaType = "application/geopackage+sqlite3", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))}),
            @ApiResponse(responseCode = "400", description = "a parameter is missing or has an unknown value (problem+json names it)"),
            @ApiResponse(responseCode = "401", description = "no login"),
            @ApiResponse(responseCode = "404", description = "no jurisdiction has the id")})
    @GetMapping("/api/exports/{layer}")
    public void export(
            @Parameter(description = "jurisdictions, grids, blocks, households or rentals") @PathVariable("layer") String layer,
            @Parameter(description = "id of the jurisdiction; everything below it is included")
            @RequestParam(value = "jurisdiction", required = false) Long jurisdiction,
            @Parameter(description = "gpkg, shp (zipped, .cpg UTF-8, .prj), xlsx or csv")
            @RequestParam(value = "format", defaultValue = "gpkg") String format,
            @Parameter(description = "utf-8 (with a byte order mark), gbk or gb18030; csv only")
            @RequestParam(value = "encoding", defaultValue = "utf-8") String encoding,
            @Parameter(description = "wgs84, gcj02 (Amap, Tencent; labelled EPSG:4326) or cgcs2000 (EPSG:4490)")
            @RequestParam(value = "crs", defaultValue = "wgs84") String crs,
            @AuthenticationPrincipal GridpatrolUser user, HttpServletResponse response) throws IOException {
        ExportRequest request = ExportRequest.parse(layer, jurisdiction, format, encoding, crs);
        if (jurisdictions.levelOf(request.jurisdictionId()).isEmpty()) {
            throw new NotFoundException("no jurisdiction has id " + request.jurisdictionId());
        }
        boolean personal = request.layer().register() && access.seesPersonalFields(user, request.jurisdictionId());
        ExportSchema schema = exports.schema(request.layer(), personal);
        CoordinateSystem system = request.crs().system(); // an unknown system fails here, before any byte
        CoordinateConversion conversion = new CoordinateConversion(system);
        FeatureFileWriter writer = switch (request.format()) {
            case GPKG, SHP -> new OgrExport(request.format());
            case XLSX -> new XlsxExport();
            case CSV -> new CsvExport();
        };
        long[] rows = {0};
        writer.write(schema, request, sink -> rows[0] = exports.stream(request.layer(), request.jurisdictionId(), personal,
                row -> sink.accept(new ExportRow(conversion.apply(row.geometry()), row.values()))), () -> {
            String type = request.format().mediaType()
                    + (request.format() == ExportFormat.CSV ? ";charset=" + request.encoding().name() : "");
            response.setContentType(type);
            response.setHeader("Content-Disposition", ContentDisposition.attachment()
                    .filename(request.fileName(schema.name()), StandardCharsets.UTF_8).build().toString());
            response.setHeader("Cache-Control", "no-store"); // registers may hold personal fields
            return response.getOutputStream();
        });
        if (personal) { // who took names, phones and ID numbers out of the system, and how many
            exports.audit(user.getUsername(), request.layer(), request.jurisdictionId(), "format " + request.format().value()
                    + ", crs " + request.crs().value() + ", rows " + rows[0]);
        }
    }
}
