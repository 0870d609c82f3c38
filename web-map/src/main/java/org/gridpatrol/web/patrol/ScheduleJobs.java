package org.gridpatrol.web.patrol;

import jakarta.annotation.PreDestroy;
import org.gridpatrol.routing.graph.PointOffNetworkException;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.schedule.VisitNeed;
import org.gridpatrol.web.security.GridpatrolUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Visit plans planned in the background ({@code "job": true}), one at a time, with progress = loops planned
 * over loops to plan. A job is visible to the user who started it only; finished jobs are forgotten after an hour.
 */
@Component
class ScheduleJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleJobs.class);
    static final Duration KEPT = Duration.ofHours(1);

    /** A job as the API shows it: {@code scheduleId} when done, {@code error} when failed. */
    record JobView(String id, String state, double progress, Long scheduleId, ProblemDetail error) {
    }

    private final SchedulePlanner planner;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "visit-plans");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    ScheduleJobs(SchedulePlanner planner) {
        this.planner = planner;
    }

    JobView submit(Supplier<RoutingGraph> graph, ScheduleRequestReader.Checked plan, List<VisitNeed> needs, long jurisdiction,
                   GridpatrolUser user) {
        Instant limit = Instant.now().minus(KEPT);
        jobs.values().removeIf(job -> job.ended != null && job.ended.isBefore(limit));
        Job job = new Job(UUID.randomUUID().toString(), user.getUsername());
        jobs.put(job.id, job);
        executor.submit(() -> job.run(() -> planner.plan(graph.get(), plan, needs, jurisdiction, user,
                (done, total) -> job.progress = total == 0 ? 1 : 0.05 + 0.95 * done / total).id()));
        return job.view();
    }

    Optional<JobView> find(String id, String username) {
        Job job = jobs.get(id);
        return job == null || !job.username.equals(username) ? Optional.empty() : Optional.of(job.view());
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private static final class Job {
        final String id;
        final String username;
        volatile String state = "running";
        volatile double progress;
        volatile Long scheduleId;
        volatile ProblemDetail error;
        volatile Instant ended;

        Job(String id, String username) {
            this.id = id;
            this.username = username;
        }

        JobView view() {
            return new JobView(id, state, progress, scheduleId, error);
        }

        void run(Supplier<Long> work) {
            try {
                scheduleId = work.get();
                progress = 1;
                state = "done";
            } catch (RuntimeException e) {
                HttpStatus status = e instanceof PointOffNetworkException ? HttpStatus.UNPROCESSABLE_CONTENT
                        : e instanceof IllegalArgumentException ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
                error = ProblemDetail.forStatusAndDetail(status, e.getMessage());
                state = "failed";
                if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
                    LOG.error("Visit plan job {} failed", id, e);
                }
            } finally {
                ended = Instant.now();
            }
        }
    }
}
