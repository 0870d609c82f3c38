package org.gridpatrol.web.patrol;

import jakarta.annotation.PreDestroy;
import org.gridpatrol.routing.graph.PointOffNetworkException;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.schedule.VisitNeed;
import org.gridpatrol.web.jobs.JobQueue;
import org.gridpatrol.web.security.GridpatrolUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Visit plans planned in the background ({@code "job": true}), one at a time, with progress = loops planned
 * over loops to plan ({@link JobQueue}). A job is visible to the user who started it only; finished jobs are forgotten
 * after an hour.
 */
@Component
class ScheduleJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleJobs.class);

    /** A job as the API shows it: {@code scheduleId} when done, {@code error} when failed. */
    record JobView(String id, String state, double progress, Long scheduleId, ProblemDetail error) {
    }

    private final SchedulePlanner planner;
    private final JobQueue<Job> queue = new JobQueue<>("visit-plans", Clock.systemUTC());

    ScheduleJobs(SchedulePlanner planner) {
        this.planner = planner;
    }

    JobView submit(Supplier<RoutingGraph> graph, ScheduleRequestReader.Checked plan, List<VisitNeed> needs, long jurisdiction,
                   GridpatrolUser user) {
        Job job = new Job(user.getUsername(), self -> planner.plan(graph.get(), plan, needs, jurisdiction, user,
                (done, total) -> self.progress = total == 0 ? 1 : 0.05 + 0.95 * done / total).id());
        return queue.submit(job).view();
    }

    Optional<JobView> find(String id, String username) {
        return queue.find(id, job -> job.username.equals(username)).map(Job::view);
    }

    @PreDestroy
    void stop() {
        queue.stop();
    }

    private static final class Job extends JobQueue.Job {
        final String username;
        volatile String state = "running";
        volatile double progress;
        volatile Long scheduleId;
        volatile ProblemDetail error;
        private final Function<Job, Long> work;

        /** @param work plans the visits, reporting progress on the job it is given; the new schedule's id */
        Job(String username, Function<Job, Long> work) {
            this.username = username;
            this.work = work;
        }

        JobView view() {
            return new JobView(id(), state, progress, scheduleId, error);
        }

        @Override
        protected void run() {
            try {
                scheduleId = work.apply(this);
                progress = 1;
                state = "done";
            } catch (RuntimeException e) {
                HttpStatus status = e instanceof PointOffNetworkException ? HttpStatus.UNPROCESSABLE_CONTENT
                        : e instanceof IllegalArgumentException ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
                error = ProblemDetail.forStatusAndDetail(status, e.getMessage());
                state = "failed";
                if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
                    LOG.error("Visit plan job {} failed", id(), e);
                }
            }
        }
    }
}
