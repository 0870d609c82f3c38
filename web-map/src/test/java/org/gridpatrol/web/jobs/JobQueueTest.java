package org.gridpatrol.web.jobs;

import org.gridpatrol.web.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobQueueTest {

    private static final class Recorded extends JobQueue.Job {
        final String owner;
        final List<String> log;

        Recorded(String owner, List<String> log) {
            this.owner = owner;
            this.log = log;
        }

        @Override
        protected void run() {
            log.add(owner);
        }
    }

    /** Waits until the queue has marked the job ended (after its run returned). */
    private static void awaitEnded(JobQueue.Job job) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (job.ended() == null) {
            assertThat(System.nanoTime()).as("job ended within 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void runsJobsOneAfterTheOtherInTheOrderGiven() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-05T08:00:00Z"));
        JobQueue<Recorded> queue = new JobQueue<>("test-jobs", clock);
        List<String> log = new CopyOnWriteArrayList<>();
        List<Recorded> jobs = List.of(new Recorded("a", log), new Recorded("b", log), new Recorded("c", log));
        jobs.forEach(queue::submit);
        for (Recorded job : jobs) {
            awaitEnded(job);
        }
        assertThat(log).containsExactly("a", "b", "c");
        assertThat(jobs.stream().map(JobQueue.Job::id).distinct()).hasSize(3);
        queue.stop();
    }

    @Test
    void showsAJobToWhomItsOwnerAllowsUntilAnHourAfterItEnded() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-05T08:00:00Z"));
        JobQueue<Recorded> queue = new JobQueue<>("test-jobs", clock);
        Recorded job = queue.submit(new Recorded("alice", new CopyOnWriteArrayList<>()));
        awaitEnded(job);
        assertThat(job.ended()).isEqualTo(clock.instant());
        assertThat(queue.find(job.id(), j -> j.owner.equals("alice"))).containsSame(job);
        assertThat(queue.find(job.id(), j -> j.owner.equals("bob"))).isEmpty();
        assertThat(queue.find("no-such-job", j -> true)).isEmpty();

        clock.advance(JobQueue.KEPT);
        assertThat(queue.find(job.id(), j -> true)).as("kept for exactly an hour").isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(queue.find(job.id(), j -> true)).as("forgotten after").isEmpty();
        queue.stop();
    }

    @Test
    void aJobThatCannotBeQueuedIsNotKept() {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-05T08:00:00Z"));
        JobQueue<Recorded> queue = new JobQueue<>("test-jobs", clock);
        queue.stop();
        Recorded job = new Recorded("alice", new CopyOnWriteArrayList<>());
        assertThatThrownBy(() -> queue.submit(job)).isInstanceOf(RejectedExecutionException.class);
        assertThat(queue.find(job.id(), j -> true)).isEmpty();
    }
}
