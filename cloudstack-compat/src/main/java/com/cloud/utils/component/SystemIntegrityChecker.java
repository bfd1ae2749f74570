package com.cloud.utils.component;

public interface SystemIntegrityChecker {
    String Name = "system-integrity-checker";

    void check();
}
