package org.gridpatrol.web.plan;

import org.gridpatrol.data.plan.Plans;
import org.gridpatrol.web.http.NotFoundException;
import org.gridpatrol.web.security.AccessPolicy;
import org.gridpatrol.web.security.GridpatrolUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Generation jobs of a plan ({@link GenerationJobs}): {@code GET /api/plans/{id}/jobs/{jobId}} →
 * {@code {"id","state":"running|done|failed|cancelled","progress","stage","result","error"}};
 * {@code DELETE} cancels (204; a job that already ended stays as it ended). The same rights as the
 * plan's operations: its jurisdiction's planners and admins.
 */
@RestController
public class PlanJobController {

    private final Plans plans;
    private final GenerationJobs jobs;
    private final AccessPolicy access;

    public PlanJobController(Plans plans, GenerationJobs jobs, AccessPolicy access) {
        this.plans = plans;
        this.jobs = jobs;
        this.access = access;
    }

    @GetMapping("/api/plans/{id}/jobs/{jobId}")
    public GenerationJobs.JobView get(@PathVariable("id") long planId, @PathVariable("jobId") String jobId,
                                      @AuthenticationPrincipal GridpatrolUser user) {
        access.requirePlanner(user, plans.get(planId).plan().jurisdictionId());
        return jobs.get(planId, jobId).orElseThrow(() -> new NotFoundException("plan " + planId + " has no job " + jobId));
    }

    @DeleteMapping("/api/plans/{id}/jobs/{jobId}")
    public ResponseEntity<Void> cancel(@PathVariable("id") long planId, @PathVariable("jobId") String jobId,
                                       @AuthenticationPrincipal GridpatrolUser user) {
        access.requirePlanner(user, plans.get(planId).plan().jurisdictionId());
        if (!jobs.cancel(planId, jobId)) {
            throw new NotFoundException("plan " + planId + " has no job " + jobId);
        }
        return ResponseEntity.noContent().build();
    }
}
