package org.apache.cloudstack.vrscaling.lifecycle;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs submitted work at once on the calling thread (as the pool would, with the system context and nothing
 * escaping) and keeps delayed work until a test releases it, so retries are visible and deterministic.
 */
public class ManualRunner extends LifecycleRunner {
    /** A task waiting for its delay. */
    public static final class Delayed {
        final String what;
        final Runnable task;
        final long delaySeconds;

        Delayed(String what, Runnable task, long delaySeconds) {
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
    }

    public final List<String> ran = new ArrayList<>();
    public final List<Delayed> delayed = new ArrayList<>();

    @Override
    public boolean schedule(String what, Runnable task, long delaySeconds) {
        if (delaySeconds > 0) {
            delayed.add(new Delayed(what, task, delaySeconds));
            return true;
        }
        ran.add(what);
        runAsSystem(what, task);
        return true;
    }

    /** Lets the delays pass once: runs what was waiting (work it schedules again waits for the next call). */
    public int releaseDelayed() {
        List<Delayed> due = new ArrayList<>(delayed);
        delayed.clear();
        for (Delayed d : due) {
            ran.add(d.what);
            runAsSystem(d.what, d.task);
        }
        return due.size();
    }
}
