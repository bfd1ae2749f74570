package com.cloud.org;

public interface Grouping {

    enum AllocationState {
        Disabled, Enabled
    }
}
