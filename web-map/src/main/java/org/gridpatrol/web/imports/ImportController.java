package org.gridpatrol.web.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.gridpatrol.data.imports.ImportPreview;
import org.gridpatrol.data.imports.ImportRequest;
import org.gridpatrol.data.imports.Imports;
import org.gridpatrol.data.jurisdiction.Jurisdictions;
import org.gridpatrol.geo.access.Role;
import org.gridpatrol.web.http.InvalidFieldException;
import org.gridpatrol.web.http.NotFoundException;
import org.gridpatrol.web.security.AccessPolicy;
import org.gridpatrol.web.security.GridpatrolUser;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.file.Path;

/**
 * Imports of a county's files (issue 16, ADR 0032), multipart uploads:
 * {@code POST /api/imports/preview} answers at once with the columns, first rows, detected mapping
 * and coordinate system; {@code POST /api/imports} answers 202 with a job ({@link ImportJobs}) that
 * {@code GET /api/imports/{id}} follows (stage, done, total, then the report) and
 * {@code DELETE /api/imports/{id}} cancels. Who may: administrators anywhere, planners into their
 * own jurisdiction (a row outside it is refused by the importer's scope); other roles get 403.
 * Uploads are limited by {@code spring.servlet.multipart.max-file-size} (413 beyond it).
 */
@RestController
public class ImportController {

    private final Imports imports;
    private final ImportJobs jobs;
    private final UploadedFiles uploads;
    private final AccessPolicy access;
    private final Jurisdictions jurisdictions;
    private final JsonMapper json;

    public ImportController(@Lazy Imports imports, ImportJobs jobs, UploadedFiles uploads, AccessPolicy access,
                            Jurisdictions jurisdictions, JsonMapper json) {
        this.imports = imports;
        this.jobs = jobs;
        this.uploads = uploads;
        this.access = access;
        this.jurisdictions = jurisdictions;
        this.json = json;
    }

    @Operation(summary = "The file's columns, first 20 rows, detected mapping and coordinate system for a kind")
    @PostMapping(path = "/api/imports/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ImportPreview preview(@RequestParam(name = "file", required = false) MultipartFile file,
                                 @Parameter(description = "jurisdictions, grids, households, rentals, keyplaces, addresses")
                                 @RequestParam(name = "kind", required = false) String kind,
                                 @Parameter(description = "UTF-8, GBK, GB18030; empty: detected")
                                 @RequestParam(name = "encoding", required = false) String encoding,
                                 @AuthenticationPrincipal GridpatrolUser user) {
        access.require(user, Role.Right.PLAN);
        var parsedKind = ImportParameters.kind(kind);
        String parsedEncoding = ImportParameters.encoding(encoding);
        requireFile(file);
        Path stored = uploads.store(file);
        try {
            return imports.preview(parsedKind, stored, UploadedFiles.originalName(file), parsedEncoding);
        } finally {
            UploadedFiles.delete(stored);
        }
    }

    @Operation(summary = "Start an import or dry run (the default) as a job: 202 with the job, then GET it for progress and the report")
    @PostMapping(path = "/api/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<ImportJobs.JobView> start(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @Parameter(description = "jurisdictions, grids, households, rentals, keyplaces, addresses")
            @RequestParam(name = "kind", required = false) String kind,
            @Parameter(description = "JSON object field → column, e.g. {\"headName\":\"户主\"}; empty: as detected")
            @RequestParam(name = "mapping", required = false) String mapping,
            @Parameter(description = "WGS84, CGCS2000, GCJ-02, BD-09 or EPSG:n; empty: from the file, else WGS84")
            @RequestParam(name = "crs", required = false) String crs,
            @Parameter(description = "UTF-8, GBK, GB18030; empty: detected")
            @RequestParam(name = "encoding", required = false) String encoding,
            @Parameter(description = "the jurisdiction to import into; empty: the user's own (administrators: all)")
            @RequestParam(name = "jurisdictionId", required = false) String jurisdictionId,
            @Parameter(description = "true (default): report only, nothing is written")
            @RequestParam(name = "dryRun", required = false) String dryRun,
            @AuthenticationPrincipal GridpatrolUser user) {
        access.require(user, Role.Right.PLAN);
        ImportParameters parameters = ImportParameters.parse(kind, mapping, crs, encoding, jurisdictionId, dryRun, json);
        Long scope = scope(user, parameters.jurisdictionId());
        requireFile(file);
        Path stored = uploads.store(file);
        ImportRequest request;
        try {
            request = new ImportRequest(parameters.kind(), stored, UploadedFiles.originalName(file), parameters.mapping(),
                    parameters.coordinateSystem(), parameters.encoding(), scope, parameters.dryRun(), user.getUsername());
        } catch (RuntimeException e) {
            UploadedFiles.delete(stored);
            throw e;
        }
        ImportJobs.JobView job = jobs.submit(request, user.getUsername());
        return ResponseEntity.accepted().location(URI.create("/api/imports/" + job.id())).body(job);
    }

    @Operation(summary = "An import job: state, stage, done/total, and when done the report (counts, per-row problems, findings)")
    @GetMapping("/api/imports/{id}")
    public ImportJobs.JobView get(@PathVariable("id") String id, @AuthenticationPrincipal GridpatrolUser user) {
        access.require(user, Role.Right.PLAN);
        return jobs.get(id, user.getUsername(), seesAllJobs(user)).orElseThrow(() -> new NotFoundException("no import " + id));
    }

    @Operation(summary = "Cancel an import (204); it rolls back, nothing changes. A job that ended stays as it ended")
    @DeleteMapping("/api/imports/{id}")
    public ResponseEntity<Void> cancel(@PathVariable("id") String id, @AuthenticationPrincipal GridpatrolUser user) {
        access.require(user, Role.Right.PLAN);
        if (!jobs.cancel(id, user.getUsername(), seesAllJobs(user))) {
            throw new NotFoundException("no import " + id);
        }
        return ResponseEntity.noContent().build();
    }

    /** The importer's scope: the named jurisdiction if the user may plan there, else the user's own. */
    private Long scope(GridpatrolUser user, Long jurisdictionId) {
        if (jurisdictionId == null) {
            return user.jurisdictionId();
        }
        if (jurisdictions.levelOf(jurisdictionId).isEmpty()) {
            throw new InvalidFieldException("jurisdictionId", "no jurisdiction has id " + jurisdictionId);
        }
        access.requirePlanner(user, jurisdictionId);
        return jurisdictionId;
    }

    /** Administrators of every jurisdiction follow and cancel anyone's imports; others only their own. */
    private static boolean seesAllJobs(GridpatrolUser user) {
        return user.role() == Role.ADMIN && user.jurisdictionId() == null;
    }

    private static void requireFile(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new InvalidFieldException("file", "file is required: the file to import, sent as multipart/form-data");
        }
    }
}
