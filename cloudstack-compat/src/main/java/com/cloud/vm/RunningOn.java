package com.cloud.vm;

public interface RunningOn {
    Long getHostId();
}
