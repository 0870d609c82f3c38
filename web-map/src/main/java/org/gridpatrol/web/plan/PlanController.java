package org.gridpatrol.web.plan;

import org.gridpatrol.data.jurisdiction.Jurisdictions;
import org.gridpatrol.data.plan.PlanDiffs;
import org.gridpatrol.data.plan.PlanExports;
import org.gridpatrol.data.plan.PlanPublications;
import org.gridpatrol.data.plan.Plans;
import org.gridpatrol.data.plan.Plans.PlanView;
import org.gridpatrol.geo.plan.PlanDiff;
import org.gridpatrol.web.http.NotFoundException;
import org.gridpatrol.web.security.GridpatrolUser;
import org.gridpatrol.web.security.AccessPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Plans: {@code POST /api/plans}, {@code GET /api/plans/{id}}, {@code POST /api/plans/{id}/operations},
 * {@code GET /api/plans/{id}/diff}, {@code POST /api/plans/{id}/publish}. Every change names the
 * plan version it was made on; a stale one gets 409, an invalid operation 422, and neither changes
 * anything.
 */
@RestController
public class PlanController {

    private final Plans plans;
    private final PlanDiffs diffs;
    private final PlanPublications publisher;
    private final OperationParser parser;
    private final AccessPolicy access;
    private final Jurisdictions jurisdictions;
    private final PlanExports export;
    private final GenerationJobs jobs;

    public PlanController(Plans plans, PlanDiffs diffs, PlanPublications publisher, OperationParser parser,
                          AccessPolicy access, Jurisdictions jurisdictions, PlanExports export, GenerationJobs jobs) {
        this.export = export;
        this.jobs = jobs;
        this.plans = plans;
        this.diffs = diffs;
        this.publisher = publisher;
        this.parser = parser;
        this.access = access;
        this.jurisdictions = jurisdictions;
    }

    @PostMapping("/api/plans")
    public ResponseEntity<PlanResponse> create(@RequestBody PlanRequests.CreatePlan request,
                                               @AuthenticationPrincipal GridpatrolUser user) {
        if (request == null || request.jurisdictionId() == null) {
            throw new IllegalArgumentException("jurisdictionId is required");
        }
        long jurisdictionId = request.jurisdictionId();
        if (jurisdictions.levelOf(jurisdictionId).isEmpty()) {
            throw new NotFoundException("no jurisdiction has id " + jurisdictionId);
        }
        access.requirePlanner(user, jurisdictionId);
        PlanView view = plans.create(jurisdictionId, user.getUsername());
        return ResponseEntity.created(URI.create("/api/plans/" + view.plan().id())).body(PlanResponse.of(view));
    }

    @GetMapping("/api/plans/{id}")
    public PlanResponse get(@PathVariable("id") long planId, @AuthenticationPrincipal GridpatrolUser user) {
        PlanView view = plans.get(planId);
        access.requirePlanner(user, view.plan().jurisdictionId());
        return PlanResponse.of(view);
    }

    /**
     * One operation. {@code generate} and {@code rebalance} answer with the plan and its
     * {@code problems}; on a jurisdiction of more blocks than {@code gridpatrol.plan.generate-sync-blocks}
     * (or with {@code "job":true}) they answer 202 with the job ({@link PlanJobController}).
     */
    @PostMapping("/api/plans/{id}/operations")
    public ResponseEntity<?> operate(@PathVariable("id") long planId, @RequestBody PlanRequests.Operation request,
                                     @AuthenticationPrincipal GridpatrolUser user) {
        if (request == null || request.version() == null) {
            throw new IllegalArgumentException("version is required: the plan version this operation was made on");
        }
        PlanView current = plans.get(planId);
        access.requirePlanner(user, current.plan().jurisdictionId());
        String op = request.op() == null ? "" : request.op();
        if (op.equals("generate") || op.equals("rebalance")) {
            Plans.Generation generation = parser.generation(request);
            var state = current.plan().state();
            if (jobs.runsAsJob(state.gridOfBlock().size(), request.job())) {
                // refuse unknown locked grids now, not an hour later in the job
                java.util.List<Long> unknown = generation.lockedGridIds().stream()
                        .filter(id -> !state.grids().containsKey(id)).sorted().toList();
                if (!unknown.isEmpty()) {
                    throw new org.gridpatrol.geo.plan.InvalidOperationException("lockedGridIds", "grids " + unknown + " are not in this plan");
                }
                GenerationJobs.JobView job = jobs.submit(planId, request.version(), generation, user.getUsername());
                return ResponseEntity.accepted().location(URI.create("/api/plans/" + planId + "/jobs/" + job.id())).body(job);
            }
            return ResponseEntity.ok(PlanResponse.of(plans.generate(planId, request.version(), generation,
                    org.gridpatrol.geo.generate.GenerationListener.NONE, user.getUsername())));
        }
        return ResponseEntity.ok(PlanResponse.of(switch (op) {
            case "undo" -> plans.undo(planId, request.version(), user.getUsername());
            case "redo" -> plans.redo(planId, request.version(), user.getUsername());
            case "splitGrid" -> plans.split(planId, request.version(), parser.split(request, current.plan().jurisdictionId()),
                    user.getUsername());
            default -> plans.apply(planId, request.version(), parser.parse(request), user.getUsername());
        }));
    }

    /**
     * The diff against the published grids. Counts come from the in-memory planning model (fast
     * enough to show after every edit); {@code ids=true} adds the ids of the households and rentals
     * that change grid, for users of the owning jurisdiction (read from the database).
     */
    @GetMapping("/api/plans/{id}/diff")
    public PlanDiff diff(@PathVariable("id") long planId,
                         @org.springframework.web.bind.annotation.RequestParam(value = "ids", defaultValue = "false") boolean ids,
                         @AuthenticationPrincipal GridpatrolUser user) {
        PlanView view = plans.get(planId);
        access.requirePlanner(user, view.plan().jurisdictionId());
        if (ids && access.seesPersonalFields(user, view.plan().jurisdictionId())) {
            return diffs.diff(planId, true);
        }
        return plans.diff(planId);
    }

    /** The plan's grids as GeoJSON, or CSV of block → grid / household → grid ({@code of=blocks|households}). */
    @GetMapping("/api/plans/{id}/export")
    public ResponseEntity<String> export(@PathVariable("id") long planId,
                                         @org.springframework.web.bind.annotation.RequestParam(value = "format", defaultValue = "geojson") String format,
                                         @org.springframework.web.bind.annotation.RequestParam(value = "of", defaultValue = "blocks") String of,
                                         @AuthenticationPrincipal GridpatrolUser user) {
        PlanView view = plans.get(planId);
        access.requirePlanner(user, view.plan().jurisdictionId());
        return switch (format) {
            case "geojson" -> ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType("application/geo+json"))
                    .header("Content-Disposition", "attachment; filename=\"plan-" + planId + ".geojson\"")
                    .body(export.geoJson(planId));
            case "csv" -> ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType("text/csv;charset=UTF-8"))
                    .header("Content-Disposition", "attachment; filename=\"plan-" + planId + "-" + of + ".csv\"")
                    .body(export.csv(planId, of));
            default -> throw new IllegalArgumentException("format must be geojson or csv, got '" + format + "'");
        };
    }

    @PostMapping("/api/plans/{id}/publish")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.OK)
    public PlanPublications.Published publish(@PathVariable("id") long planId, @RequestBody PlanRequests.Publish request,
                                           @AuthenticationPrincipal GridpatrolUser user) {
        if (request == null || request.version() == null) {
            throw new IllegalArgumentException("version is required: the plan version you reviewed");
        }
        PlanView view = plans.get(planId);
        access.requirePlanner(user, view.plan().jurisdictionId());
        return publisher.publish(planId, request.version(), user.getUsername());
    }
}
