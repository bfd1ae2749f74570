package com.cloud.utils.db;

// Compile-only stand-in: subset of the real class (framework/db); holds no lock and never grants one.
public class GlobalLock {
    private final String name;

    private GlobalLock(String name) {
        this.name = name;
    }

    public static GlobalLock getInternLock(String name) {
        return new GlobalLock(name);
    }

    public boolean lock(int timeoutSeconds) {
        return false;
    }

    public boolean unlock() {
        return false;
    }

    public int releaseRef() {
        return 0;
    }

    public String getName() {
        return name;
    }
}
