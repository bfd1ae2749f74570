package org.apache.cloudstack.vrscaling.lifecycle;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.cloudstack.vrscaling.binding.BindingScope;

/** The cluster lock as a set: a scope in {@link #held} is locked (by this or "another management server"). */
public class FakeScopeLock extends ScopeLock {
    public final Set<BindingScope> held = ConcurrentHashMap.newKeySet();
    public int taken;

    @Override
    public Held tryLock(BindingScope scope) {
        if (!held.add(scope)) {
            return null;
        }
        taken++;
        return () -> held.remove(scope);
    }
}
