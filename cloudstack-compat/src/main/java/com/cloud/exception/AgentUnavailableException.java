package com.cloud.exception;

public class AgentUnavailableException extends ResourceUnavailableException {

    public AgentUnavailableException(String msg, long agentId) {
        super(msg, null, agentId);
    }

    public AgentUnavailableException(long agentId) {
        super(null, null, agentId);
    }

    public AgentUnavailableException(String msg, long agentId, Throwable cause) {
        super(msg, null, agentId, cause);
    }
}
