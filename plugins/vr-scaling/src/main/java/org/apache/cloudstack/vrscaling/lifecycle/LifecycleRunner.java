package org.apache.cloudstack.vrscaling.lifecycle;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.cloudstack.context.CallContext;
import org.apache.cloudstack.managed.context.ManagedContextRunnable;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import com.cloud.user.Account;
import com.cloud.user.User;

/**
 * The lifecycle hook's own small thread pool: state-machine and message-bus callbacks hand their slow work here,
 * so CloudStack's transition and job threads never wait for an agent or a rolling rescale.
 */
public class LifecycleRunner {
    static final int THREADS = 2;
    /** A storm of router starts must not pile up unbounded work; what is dropped is logged and redone next start. */
    static final int MAX_QUEUED = 500;

    private static final Logger LOG = LogManager.getLogger(LifecycleRunner.class);

    private ScheduledThreadPoolExecutor executor;

    public synchronized void start() {
        if (executor != null && !executor.isShutdown()) {
            return;
        }
        AtomicInteger count = new AtomicInteger();
        executor = new ScheduledThreadPoolExecutor(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "VrScalingLifecycle-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    /** Runs the task soon, as the system user. Returns false (and logs) when it could not be queued. */
    public boolean submit(String what, Runnable task) {
        return schedule(what, task, 0);
    }

    /** Runs the task after the delay, as the system user. Returns false (and logs) when it could not be queued. */
    public boolean schedule(String what, Runnable task, long delaySeconds) {
        ScheduledThreadPoolExecutor pool;
        synchronized (this) {
            pool = executor;
        }
        if (pool == null || pool.isShutdown()) {
            LOG.warn("VR Scale is not running; dropped: {}", what);
            return false;
        }
        if (pool.getQueue().size() >= MAX_QUEUED) {
            LOG.warn("VR Scale lifecycle queue is full ({} tasks); dropped: {}", MAX_QUEUED, what);
            return false;
        }
        try {
            pool.schedule(new ManagedContextRunnable() {
                @Override
                protected void runInContext() {
                    runAsSystem(what, task);
                }
            }, Math.max(0, delaySeconds), TimeUnit.SECONDS);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("VR Scale could not queue {}: {}", what, e.getMessage());
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
