package org.apache.cloudstack.vrscaling.lifecycle;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.cloudstack.context.CallContext;
import org.apache.cloudstack.managed.context.ManagedContextRunnable;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import com.cloud.user.Account;
import com.cloud.user.User;

/**
 * The lifecycle hook's own thread pools: state-machine and message-bus callbacks hand their slow work here, so
 * CloudStack's transition and job threads never wait for an agent or a rolling rescale. Quick work and rescales have
 * a pool each: a rolling rescale holds its thread for minutes, and a tuning push must not wait behind it.
 */
public class LifecycleRunner {
    /** Where a task runs. */
    public enum Pool {
        /** Tuning push/verify at Running, job follow-ups, binding checks: seconds each. */
        QUICK("VrScalingLifecycle", 2),
        /** Automatic rolling rescales (ReconcileService): minutes each, folded per network/VPC before they get here. */
        RESCALE("VrScalingRescale", 2);

        private final String threadPrefix;
        private final int threads;

        Pool(String threadPrefix, int threads) {
            this.threadPrefix = threadPrefix;
            this.threads = threads;
        }

        int threads() {
            return threads;
        }
    }

    /** A storm of router starts must not pile up unbounded work; what is dropped is logged and redone next start. */
    static final int MAX_QUEUED = 500;

    private static final Logger LOG = LogManager.getLogger(LifecycleRunner.class);

    private final Map<Pool, ScheduledThreadPoolExecutor> executors = new EnumMap<>(Pool.class);
    private final Map<Pool, AtomicLong> dropped = new EnumMap<>(Pool.class);

    public LifecycleRunner() {
        for (Pool pool : Pool.values()) {
            dropped.put(pool, new AtomicLong());
        }
    }

    public synchronized void start() {
        for (Pool pool : Pool.values()) {
            ScheduledThreadPoolExecutor running = executors.get(pool);
            if (running != null && !running.isShutdown()) {
                continue;
            }
            AtomicInteger count = new AtomicInteger();
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(pool.threads, runnable -> {
                Thread thread = new Thread(runnable, pool.threadPrefix + "-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            executor.setRemoveOnCancelPolicy(true);
            executors.put(pool, executor);
        }
    }

    public synchronized void stop() {
        for (ScheduledThreadPoolExecutor executor : executors.values()) {
            executor.shutdownNow();
        }
        executors.clear();
    }

    /** Runs quick work soon, as the system user. Returns false (and logs) when it could not be queued. */
    public boolean submit(String what, Runnable task) {
        return schedule(Pool.QUICK, what, task, 0);
    }

    /** Runs quick work after the delay, as the system user. Returns false (and logs) when it could not be queued. */
    public boolean schedule(String what, Runnable task, long delaySeconds) {
        return schedule(Pool.QUICK, what, task, delaySeconds);
    }

    /** Runs a rescale soon on the rescale pool. Returns false (and logs) when it could not be queued. */
    public boolean submitRescale(String what, Runnable task) {
        return schedule(Pool.RESCALE, what, task, 0);
    }

    /** Runs a rescale attempt after the delay on the rescale pool. Returns false (and logs) when not queued. */
    public boolean scheduleRescale(String what, Runnable task, long delaySeconds) {
        return schedule(Pool.RESCALE, what, task, delaySeconds);
    }

    /** How many tasks the pool refused since this runner was created (full queue or not running). */
    public long dropped(Pool pool) {
        return dropped.get(pool).get();
    }

    /** Runs the task on the pool after the delay, as the system user; false (logged and counted) when refused. */
    public boolean schedule(Pool pool, String what, Runnable task, long delaySeconds) {
        ScheduledThreadPoolExecutor executor;
        synchronized (this) {
            executor = executors.get(pool);
        }
        if (executor == null || executor.isShutdown()) {
            LOG.warn("VR Scale is not running; dropped: {} (dropped from the {} pool so far: {})", what, pool,
                    dropped.get(pool).incrementAndGet());
            return false;
        }
        if (executor.getQueue().size() >= MAX_QUEUED) {
            LOG.warn("VR Scale {} queue is full ({} tasks); dropped: {} (dropped from it so far: {})", pool,
                    MAX_QUEUED, what, dropped.get(pool).incrementAndGet());
            return false;
        }
        try {
            executor.schedule(new ManagedContextRunnable() {
                @Override
                protected void runInContext() {
                    runAsSystem(what, task);
                }
            }, Math.max(0, delaySeconds), TimeUnit.SECONDS);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("VR Scale could not queue {} on the {} pool: {} (dropped from it so far: {})", what, pool,
                    e.getMessage(), dropped.get(pool).incrementAndGet());
            return false;
        }
    }

    /** Background work has no caller: it runs as the system account, and nothing it throws escapes the pool. */
    static void runAsSystem(String what, Runnable task) {
        try {
            CallContext.register(User.UID_SYSTEM, Account.ACCOUNT_ID_SYSTEM);
            try {
                task.run();
            } finally {
                CallContext.unregister();
            }
        } catch (Throwable t) {
            LOG.error("VR Scale background task failed ({}): {}", what, t.getMessage(), t);
        }
    }
}
