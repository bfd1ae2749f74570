package org.apache.cloudstack.vrscaling.lifecycle;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs submitted work at once on the calling thread (as the pool would, with the system context and nothing
 * escaping) and keeps delayed work until a test releases it, so retries are visible and deterministic. With
 * {@link #hold} set, submitted work waits too, until {@link #runHeld()}: a test can see what got queued.
 */
public class ManualRunner extends LifecycleRunner {
    /** A task waiting for its delay. */
    public static final class Delayed {
        final Pool pool;
        final String what;
        final Runnable task;
        final long delaySeconds;

        Delayed(Pool pool, String what, Runnable task, long delaySeconds) {
            this.pool = pool;
            this.what = what;
            this.task = task;
            this.delaySeconds = delaySeconds;
        }

        public long getDelaySeconds() {
            return delaySeconds;
        }

        public String getWhat() {
            return what;
        }

        public Pool getPool() {
            return pool;
        }
    }

    public final List<String> ran = new ArrayList<>();
    /** The pool of each task in {@link #ran}, in the same order. */
    public final List<Pool> ranOn = new ArrayList<>();
    public final List<Delayed> delayed = new ArrayList<>();
    public final List<Delayed> held = new ArrayList<>();
    public boolean hold;

    @Override
    public boolean schedule(Pool pool, String what, Runnable task, long delaySeconds) {
        if (delaySeconds > 0) {
            delayed.add(new Delayed(pool, what, task, delaySeconds));
            return true;
        }
        if (hold) {
            held.add(new Delayed(pool, what, task, 0));
            return true;
        }
        run(pool, what, task);
        return true;
    }

    /** Lets the delays pass once: runs what was waiting (work it schedules again waits for the next call). */
    public int releaseDelayed() {
        List<Delayed> due = new ArrayList<>(delayed);
        delayed.clear();
        for (Delayed d : due) {
            run(d.pool, d.what, d.task);
        }
        return due.size();
    }

    /** Runs the submitted work held so far (work it submits runs at once unless {@link #hold} is still set). */
    public int runHeld() {
        List<Delayed> due = new ArrayList<>(held);
        held.clear();
        for (Delayed d : due) {
            run(d.pool, d.what, d.task);
        }
        return due.size();
    }

    private void run(Pool pool, String what, Runnable task) {
        ran.add(what);
        ranOn.add(pool);
        runAsSystem(what, task);
    }
}
