package com.cloud.agent.api;

import com.cloud.agent.api.routing.NetworkElementCommand;

public class CheckRouterCommand extends NetworkElementCommand {

    public CheckRouterCommand() {
    }

    @Override
    public boolean executeInSequence() {
        return false;
    }

    public boolean isQuery() {
        return true;
    }
}
