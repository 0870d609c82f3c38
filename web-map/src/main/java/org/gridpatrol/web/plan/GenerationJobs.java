package org.gridpatrol.web.plan;

import jakarta.annotation.PreDestroy;
import org.gridpatrol.data.plan.Plans;
import org.gridpatrol.data.postgis.StaleVersionException;
import org.gridpatrol.data.postgis.UnknownIdException;
import org.gridpatrol.geo.generate.GenerationCancelledException;
import org.gridpatrol.geo.generate.GenerationListener;
import org.gridpatrol.geo.plan.InvalidOperationException;
import org.gridpatrol.web.config.GridpatrolProperties;
import org.gridpatrol.web.jobs.JobQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * Generations too large to answer within a request (a county of 50,000 blocks) run here as jobs, one
 * at a time on one thread (the machine's other work goes on), and are kept for an hour after they
 * end so the page can fetch the result ({@link JobQueue}). A job's progress and stage come from the generator's
 * {@link GenerationListener}; cancelling makes the listener answer {@code cancelled()} true, the
 * generator stops and nothing is stored. Jobs live in memory: a restart forgets them (the plan
 * itself is unchanged unless a job finished and stored its step).
 */
@Component
public class GenerationJobs {

    private static final Logger LOG = LoggerFactory.getLogger(GenerationJobs.class);

    /** A job as the API shows it ({@code result} when done, {@code error} when failed). */
    public record JobView(String id, String state, double progress, String stage, PlanResponse result, ProblemDetail error) {
    }

    private final Plans plans;
    private final int syncBlocks;
    private final JobQueue<Job> queue;

    @org.springframework.beans.factory.annotation.Autowired
    public GenerationJobs(Plans plans, GridpatrolProperties properties) {
        this(plans, properties.plan().generateSyncBlocks(), Clock.systemUTC());
    }

    GenerationJobs(Plans plans, int syncBlocks, Clock clock) {
        this.plans = plans;
        this.syncBlocks = syncBlocks;
        this.queue = new JobQueue<>("grid-generation", clock);
    }

    /** Whether a plan of this many blocks runs as a job unless the request says otherwise. */
    boolean runsAsJob(int blocks, Boolean requested) {
        return requested != null ? requested : blocks > syncBlocks;
    }

    /** Starts a generation of plan {@code planId} as a job; the job's id is new. */
    JobView submit(long planId, int version, Plans.Generation generation, String username) {
        return queue.submit(new Job(planId, version, generation, username)).view();
    }

    /** The job, if it exists and belongs to the plan. */
    Optional<JobView> get(long planId, String jobId) {
        return queue.find(jobId, job -> job.planId == planId).map(Job::view);
    }

    /** Asks a running job to stop; false when no such job of the plan exists. */
    boolean cancel(long planId, String jobId) {
        Optional<Job> job = queue.find(jobId, j -> j.planId == planId);
        job.ifPresent(j -> j.cancelRequested = true);
        return job.isPresent();
    }

    @PreDestroy
    void stop() {
        queue.stop();
    }

    private final class Job extends JobQueue.Job implements GenerationListener {
        final long planId;
        volatile String state = "running";
        volatile double progress;
        volatile String stage = "queued";
        volatile PlanResponse result;
        volatile ProblemDetail error;
        volatile boolean cancelRequested;
        private final int version;
        private final Plans.Generation generation;
        private final String username;

        Job(long planId, int version, Plans.Generation generation, String username) {
            this.planId = planId;
            this.version = version;
            this.generation = generation;
            this.username = username;
        }

        JobView view() {
            return new JobView(id(), state, progress, stage, result, error);
        }

        @Override
        public void progress(double done, String stage) {
            this.progress = Math.max(0, Math.min(1, done));
            this.stage = stage;
        }

        @Override
        public boolean cancelled() {
            return cancelRequested;
        }

        @Override
        protected void run() {
            try {
                if (cancelRequested) {
                    throw new GenerationCancelledException();
                }
                stage = "starting";
                result = PlanResponse.of(plans.generate(planId, version, generation, this, username));
                progress = 1;
                stage = "done";
                state = "done";
            } catch (GenerationCancelledException e) {
                stage = "cancelled";
                state = "cancelled";
            } catch (RuntimeException e) {
                error = problem(e);
                stage = "failed";
                state = "failed";
                if (error.getStatus() == 500) {
                    LOG.error("Generation job {} of plan {} failed", id(), planId, e);
                }
            }
        }

        /** The problem the same failure gets from a synchronous request (ApiProblems). */
        private ProblemDetail problem(RuntimeException e) {
            ProblemDetail problem;
            if (e instanceof StaleVersionException stale) {
                problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
                problem.setTitle("Stale version");
                problem.setProperty("currentVersion", stale.currentVersion());
            } else if (e instanceof InvalidOperationException invalid) {
                problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
                problem.setTitle("Invalid operation");
                problem.setProperty("field", invalid.field());
            } else if (e instanceof UnknownIdException) {
                problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
                problem.setTitle("Not found");
            } else if (e instanceof IllegalArgumentException) {
                problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
                problem.setTitle("Invalid request");
            } else {
                problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "the generation failed: " + e.getMessage());
                problem.setTitle("Generation failed");
            }
            problem.setInstance(URI.create("/api/plans/" + planId + "/jobs/" + id()));
            return problem;
        }
    }
}
