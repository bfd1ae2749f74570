package org.apache.cloudstack.vrscaling.lifecycle;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.cloudstack.vrscaling.SystemCallContext;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;

public class LifecycleRunnerTest {
    /** The real CallContext needs it to register the system user the background work runs as. */
    @Rule
    public final SystemCallContext systemCallContext = new SystemCallContext();

    private final LifecycleRunner runner = new LifecycleRunner();

    @After
    public void stop() {
        runner.stop();
    }

    @Test
    public void workIsRunOnTheRunnersOwnThreadsNotTheCallers() throws Exception {
        runner.start();
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);

        assertTrue(runner.submit("test", () -> {
            threads.add(Thread.currentThread().getName());
            done.countDown();
        }));

        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertTrue(threads.get(0), threads.get(0).startsWith("VrScalingLifecycle-"));
    }

    @Test
    public void aFailingTaskDoesNotKillThePool() throws Exception {
        runner.start();
        CountDownLatch after = new CountDownLatch(1);

        assertTrue(runner.submit("boom", () -> {
            throw new IllegalStateException("boom");
        }));
        assertTrue(runner.submit("boom", () -> {
            throw new AssertionError("even an Error");
        }));
        assertTrue(runner.submit("next", after::countDown));

        assertTrue(after.await(10, TimeUnit.SECONDS));
    }

    @Test
    public void delayedWorkWaitsForItsDelay() throws Exception {
        runner.start();
        CountDownLatch done = new CountDownLatch(1);
        long start = System.nanoTime();

        assertTrue(runner.schedule("later", done::countDown, 1));

        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) >= 900);
    }

    @Test
    public void nothingIsQueuedBeforeStartOrAfterStop() {
        assertFalse(runner.submit("too early", () -> { }));
        runner.start();
        runner.stop();
        assertFalse(runner.submit("too late", () -> { }));
    }

    @Test
    public void theQueueIsBounded() {
        runner.start();
        int accepted = 0;
        for (int i = 0; i < LifecycleRunner.MAX_QUEUED + 10; i++) {
            if (runner.schedule("far away", () -> { }, 3600)) {
                accepted++;
            }
        }
        assertEquals(LifecycleRunner.MAX_QUEUED, accepted);
    }
}
