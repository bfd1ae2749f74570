package com.cloud.resource;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import com.cloud.agent.api.Answer;
import com.cloud.agent.api.Command;

public abstract class CommandWrapper<T extends Command, A extends Answer, R extends ServerResource> {

    protected Logger logger = LogManager.getLogger(getClass());

    public CommandWrapper() {
    }

    public abstract A execute(T command, R serverResource);

    public void removeDpdkPort(String portToRemove) {
    }
}
