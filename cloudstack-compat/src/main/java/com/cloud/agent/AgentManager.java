package com.cloud.agent;

import com.cloud.agent.api.Answer;
import com.cloud.agent.api.Command;
import com.cloud.agent.manager.Commands;
import com.cloud.exception.AgentUnavailableException;
import com.cloud.exception.OperationTimedoutException;
import com.cloud.hypervisor.Hypervisor.HypervisorType;

// Subset of the real interface; declared names have their whole real overload set.
public interface AgentManager {

    Answer easySend(Long hostId, Command cmd);

    Answer send(Long hostId, Command cmd) throws AgentUnavailableException, OperationTimedoutException;

    Answer[] send(Long hostId, Commands cmds) throws AgentUnavailableException, OperationTimedoutException;

    Answer[] send(Long hostId, Commands cmds, int timeout) throws AgentUnavailableException, OperationTimedoutException;

    long send(Long hostId, Commands cmds, Listener listener) throws AgentUnavailableException;

    void unregisterForHostEvents(int id);

    Answer sendTo(Long dcId, HypervisorType type, Command cmd);

    boolean isAgentAttached(long hostId);

    void pullAgentToMaintenance(long hostId);

    void pullAgentOutMaintenance(long hostId);

    void reconnect(long hostId) throws AgentUnavailableException;

    void rescan();
}
