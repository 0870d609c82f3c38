package org.gridpatrol.web.plan;

import org.gridpatrol.data.plan.PlanRecord;
import org.gridpatrol.data.plan.Plans;
import org.gridpatrol.data.postgis.StaleVersionException;
import org.gridpatrol.geo.generate.GenerationCancelledException;
import org.gridpatrol.geo.generate.GenerationListener;
import org.gridpatrol.geo.generate.GenerationTarget;
import org.gridpatrol.geo.plan.PlanState;
import org.gridpatrol.web.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The job registry without HTTP or data: a stubbed {@link Plans#generate} reports progress, waits to
 * be cancelled, fails or answers, and the job's view follows (state, progress, stage, result, error).
 */
class GenerationJobsTest {

    private static final Plans.Generation GENERATION = new Plans.Generation(false, GenerationTarget.grids(2), Set.of(), null, 1);
    private final Plans plans = mock(Plans.class);
    private final MovableClock clock = new MovableClock(Instant.parse("2025-11-22T08:00:00Z"));
    private final GenerationJobs jobs = new GenerationJobs(plans, 100, clock);

    @AfterEach
    void stop() {
        jobs.stop();
    }

    private static Plans.GenerationView answer() {
        PlanRecord plan = new PlanRecord(7, 42, "AD-07", 4, 1, 1, "draft", null, PlanState.of(Map.of(), List.of()));
        return new Plans.GenerationView(new Plans.PlanView(plan, null), List.of());
    }

    private GenerationJobs.JobView awaitEnd(String id) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            GenerationJobs.JobView view = jobs.get(7, id).orElseThrow();
            if (!view.state().equals("running")) {
                return view;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the job did not end");
    }

    @Test
    void theThresholdOrTheRequestDecides() {
        assertThat(jobs.runsAsJob(100, null)).isFalse();
        assertThat(jobs.runsAsJob(101, null)).isTrue();
        assertThat(jobs.runsAsJob(101, false)).isFalse();
        assertThat(jobs.runsAsJob(5, true)).isTrue();
    }

    @Test
    void cancellingStopsTheGeneratorAndStoresNothing() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        when(plans.generate(anyLong(), anyInt(), any(), any(), anyString())).thenAnswer(call -> {
            GenerationListener listener = call.getArgument(3);
            listener.progress(0.25, "growing grids");
            started.countDown();
            while (!listener.cancelled()) {
                Thread.sleep(5);
            }
            throw new GenerationCancelledException();
        });
        GenerationJobs.JobView submitted = jobs.submit(7, 3, GENERATION, "planner");
        assertThat(submitted.state()).isEqualTo("running");
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        GenerationJobs.JobView running = jobs.get(7, submitted.id()).orElseThrow();
        assertThat(running.progress()).isEqualTo(0.25);
        assertThat(running.stage()).isEqualTo("growing grids");
        assertThat(jobs.cancel(8, submitted.id())).as("another plan's job").isFalse();
        assertThat(jobs.get(8, submitted.id())).isEmpty();
        assertThat(jobs.cancel(7, submitted.id())).isTrue();
        GenerationJobs.JobView ended = awaitEnd(submitted.id());
        assertThat(ended.state()).isEqualTo("cancelled");
        assertThat(ended.result()).isNull();
    }

    @Test
    void aDoneJobCarriesTheAnswerAndIsForgottenAfterAnHour() throws Exception {
        when(plans.generate(anyLong(), anyInt(), any(), any(), anyString())).thenReturn(answer());
        String id = jobs.submit(7, 3, GENERATION, "planner").id();
        GenerationJobs.JobView done = awaitEnd(id);
        assertThat(done.state()).isEqualTo("done");
        assertThat(done.progress()).isEqualTo(1.0);
        assertThat(done.result().version()).isEqualTo(4);
        assertThat(done.result().problems()).isEmpty();
        clock.advance(Duration.ofMinutes(59));
        assertThat(jobs.get(7, id)).isPresent();
        clock.advance(Duration.ofMinutes(2));
        assertThat(jobs.get(7, id)).isEmpty();
    }

    @Test
    void aFailedJobCarriesTheProblemTheRequestWouldHaveGot() throws Exception {
        when(plans.generate(anyLong(), anyInt(), any(), any(), anyString())).thenThrow(new StaleVersionException("stale", 9));
        String id = jobs.submit(7, 3, GENERATION, "planner").id();
        GenerationJobs.JobView failed = awaitEnd(id);
        assertThat(failed.state()).isEqualTo("failed");
        assertThat(failed.error().getStatus()).isEqualTo(409);
        assertThat(failed.error().getProperties()).containsEntry("currentVersion", 9);
    }
}
