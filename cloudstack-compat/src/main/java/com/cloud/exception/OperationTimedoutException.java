package com.cloud.exception;

import com.cloud.agent.api.Command;

public class OperationTimedoutException extends CloudException {

    private long agentId;
    private long seqId;
    private int time;
    private transient Command[] commands;
    private boolean isActive;

    public OperationTimedoutException(Command[] commands, long agentId, long seqId, int time, boolean isActive) {
        super();
        this.agentId = agentId;
        this.seqId = seqId;
        this.time = time;
        this.commands = commands;
        this.isActive = isActive;
    }

    public long getAgentId() {
        return agentId;
    }

    public long getSequenceId() {
        return seqId;
    }

    public int getWaitTime() {
        return time;
    }

    public Command[] getCommands() {
        return commands;
    }

    public boolean isActive() {
        return isActive;
    }
}
