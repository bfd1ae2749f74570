package com.cloud.resource;

// Subset: registerStatusUpdater(AgentStatusUpdater) is not declared.
public interface ResourceStatusUpdater {
}
