package com.cloud.agent;

// Subset of the real interface: no methods. Declared only because AgentManager.send has an overload taking it.
public interface Listener {
}
