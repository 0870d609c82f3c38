package org.gridpatrol.web.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * Jobs of one kind (grid generations, imports, visit plans), run one at a time on a thread of their own so
 * that the machine's other work goes on, and kept in this instance's memory for {@link #KEPT} after they end
 * so that the page can fetch the result; a restart forgets them. What a job does, shows and who may see it
 * is the job's and its owner's; the queue keeps, runs and forgets.
 *
 * <pre>{@code JobQueue<Job> queue = new JobQueue<>("import", Clock.systemUTC());
 * String id = queue.submit(new Job(owner, request)).id();
 * queue.find(id, job -> job.owner.equals(user)).map(Job::view);}</pre>
 *
 * @param <J> the kind of job
 */
public final class JobQueue<J extends JobQueue.Job> {

    /** How long a job is kept after it ended. */
    public static final Duration KEPT = Duration.ofHours(1);

    /** What the queue needs of a job: an id, when it ended, and the work. */
    public abstract static class Job {

        private final String id = UUID.randomUUID().toString(); // not guessable: only the job's owner is told it
        private volatile Instant ended;

        public final String id() {
            return id;
        }

        /** When it ended, however it ended; null while queued or running. */
        public final Instant ended() {
            return ended;
        }

        /** Does the work and records how it ended; never throws. The queue notes when it returned. */
        protected abstract void run();
    }

    private final Clock clock;
    private final ExecutorService executor;
    private final Map<String, J> jobs = new ConcurrentHashMap<>();

    /** @param threadName the name of the queue's thread (seen in thread dumps) */
    public JobQueue(String threadName, Clock clock) {
        this.clock = clock;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Queues {@code job}; a job that cannot be queued is not kept and the failure is thrown. */
    public J submit(J job) {
        forgetOld();
        jobs.put(job.id(), job);
        Job running = job;
        try {
            executor.submit(() -> {
                try {
                    running.run();
                } finally {
                    running.ended = clock.instant(); // from now on forgotten after KEPT
                }
            });
        } catch (RuntimeException e) {
            jobs.remove(job.id());
            throw e;
        }
        return job;
    }

    /** The job with this id while it is kept, if {@code visible} says the caller may see it. */
    public Optional<J> find(String id, Predicate<? super J> visible) {
        forgetOld();
        J job = jobs.get(id);
        return job != null && visible.test(job) ? Optional.of(job) : Optional.empty();
    }

    /** Stops the thread; a running job is interrupted, queued ones never run. */
    public void stop() {
        executor.shutdownNow();
    }

    private void forgetOld() {
        Instant limit = clock.instant().minus(KEPT);
        jobs.values().removeIf(job -> job.ended() != null && job.ended().isBefore(limit));
    }
}
