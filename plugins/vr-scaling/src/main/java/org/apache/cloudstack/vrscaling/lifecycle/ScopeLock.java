package org.apache.cloudstack.vrscaling.lifecycle;

import org.apache.cloudstack.vrscaling.binding.BindingScope;

import com.cloud.utils.db.GlobalLock;

/**
 * A cluster-wide lock per network/VPC (CloudStack's database-backed GlobalLock), so two management servers that
 * both decide a scope needs a rescale do not run it at the same time.
 */
public class ScopeLock {
    /** A held lock; close() releases it. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Takes the scope's lock, waiting at most a second; null when another thread or server holds it. */
    public Held tryLock(BindingScope scope) {
        GlobalLock lock = GlobalLock.getInternLock("vrscaling.reconcile." + scope.getType() + "." + scope.getId());
        // 1 s, not 0: GlobalLock waits without limit for an in-process holder when given 0.
        if (!lock.lock(1)) {
            lock.releaseRef();
            return null;
        }
        return () -> {
            lock.unlock();
            lock.releaseRef();
        };
    }
}
