package org.apache.cloudstack.managed.context;

// Subset: initializeGlobalContext(ManagedContext) and getContext() are not declared.
// run() calls runInContext() directly, without any managed context around it.
public abstract class ManagedContextRunnable implements Runnable {

    public ManagedContextRunnable() {
    }

    @Override
    public void run() {
        runInContext();
    }

    protected abstract void runInContext();

    public static boolean isManagedContext() {
        return false;
    }

    public static void setManagedContext(boolean managedContext) {
    }
}
