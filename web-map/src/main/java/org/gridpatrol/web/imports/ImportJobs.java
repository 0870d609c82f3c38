package org.gridpatrol.web.imports;

import jakarta.annotation.PreDestroy;
import org.gridpatrol.data.imports.ImportFileException;
import org.gridpatrol.data.imports.ImportKind;
import org.gridpatrol.data.imports.ImportProgress;
import org.gridpatrol.data.imports.ImportReport;
import org.gridpatrol.data.imports.ImportRequest;
import org.gridpatrol.data.imports.Imports;
import org.gridpatrol.web.jobs.JobQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Imports run here as jobs, one at a time on one thread (an import is one transaction over the
 * registers; two at once would only wait on each other's locks), and are kept for an hour after they
 * end so the page can fetch the report ({@link JobQueue}). Progress comes from the importer's {@link ImportProgress};
 * cancelling makes it answer {@code cancelled()} true, the importer rolls back and nothing changes.
 * The uploaded file is deleted when the job ends, however it ends. Jobs live in memory of this
 * instance: a restart forgets them (a job that had committed stays committed), and behind a load
 * balancer the polls must reach the instance that took the upload.
 */
@Component
public class ImportJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);

    /**
     * A job as the API shows it.
     *
     * @param state  {@code queued}, {@code running}, {@code done}, {@code failed} or {@code cancelled}
     * @param stage  the importer's stage ({@code reading}, {@code checking}, {@code placing}, {@code writing})
     * @param done   rows done in the stage
     * @param total  rows in all, -1 while unknown
     * @param report when done
     * @param error  when failed: the problem a synchronous request would have got
     */
    public record JobView(String id, String state, String kind, boolean dryRun, String fileName, String stage,
                          long done, long total, ImportReport report, ProblemDetail error) {
    }

    private final Imports imports;
    private final JobQueue<Job> queue;

    @Autowired
    public ImportJobs(@Lazy Imports imports) {
        this(imports, Clock.systemUTC());
    }

    ImportJobs(Imports imports, Clock clock) {
        this.imports = imports;
        this.queue = new JobQueue<>("import", clock);
    }

    /** Starts an import of {@code request}, owned by {@code owner}; its file is deleted when the job ends. */
    public JobView submit(ImportRequest request, String owner) {
        try {
            return queue.submit(new Job(owner, request)).view();
        } catch (RuntimeException e) {
            UploadedFiles.delete(request.file());
            throw e;
        }
    }

    /** The job if it exists and {@code user} may see it (its owner, or anyone when {@code anyOwner}). */
    public Optional<JobView> get(String id, String user, boolean anyOwner) {
        return find(id, user, anyOwner).map(Job::view);
    }

    /** Asks the job to stop; false when there is no such job for this user. A job that ended stays as it ended. */
    public boolean cancel(String id, String user, boolean anyOwner) {
        Optional<Job> job = find(id, user, anyOwner);
        job.ifPresent(j -> j.cancelRequested = true);
        return job.isPresent();
    }

    private Optional<Job> find(String id, String user, boolean anyOwner) {
        return queue.find(id, job -> anyOwner || job.owner.equals(user));
    }

    @PreDestroy
    void stop() {
        queue.stop();
    }

    private final class Job extends JobQueue.Job implements ImportProgress {
        final String owner;
        final ImportRequest request;
        volatile String state = "queued";
        volatile String stage = "queued";
        volatile long done;
        volatile long total = -1;
        volatile ImportReport report;
        volatile ProblemDetail error;
        volatile boolean cancelRequested;

        Job(String owner, ImportRequest request) {
            this.owner = owner;
            this.request = request;
        }

        JobView view() {
            ImportKind kind = request.kind();
            return new JobView(id(), state, kind.label(), request.dryRun(), request.fileName(), stage, done, total, report, error);
        }

        @Override
        public void update(String stage, long done, long total) {
            this.stage = stage;
            this.done = done;
            this.total = total;
        }

        @Override
        public boolean cancelled() {
            return cancelRequested;
        }

        @Override
        protected void run() {
            try {
                if (cancelRequested) {
                    throw new ImportFileException(ImportFileException.Reason.CANCELLED, "the import was cancelled before it started");
                }
                state = "running";
                stage = "reading";
                report = imports.run(request, this);
                stage = "done";
                state = "done";
            } catch (ImportFileException e) {
                if (e.reason() == ImportFileException.Reason.CANCELLED) {
                    stage = "cancelled";
                    state = "cancelled";
                } else {
                    fail(ImportProblems.problem(e, instance()));
                }
            } catch (IllegalArgumentException e) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
                problem.setTitle("Invalid request");
                problem.setInstance(instance());
                fail(problem);
            } catch (RuntimeException e) {
                LOG.error("Import job {} ({} from {}) failed", id(), request.kind().label(), request.fileName(), e);
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                        "the import failed and nothing was changed: " + e.getClass().getSimpleName());
                problem.setTitle("Import failed");
                problem.setInstance(instance());
                fail(problem);
            } finally {
                UploadedFiles.delete(request.file());
            }
        }

        private void fail(ProblemDetail problem) {
            error = problem;
            stage = "failed";
            state = "failed";
        }

        private URI instance() {
            return URI.create("/api/imports/" + id());
        }
    }

    /** For tests: the file a job was given. */
    Path fileOf(String id) {
        return queue.find(id, job -> true).orElseThrow().request.file();
    }
}
