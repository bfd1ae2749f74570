package com.cloud.agent.api;

import com.cloud.network.router.VirtualRouter.RedundantState;

public class CheckRouterAnswer extends Answer {

    public static final String ROUTER_NAME = "router.name";
    public static final String ROUTER_IP = "router.ip";

    RedundantState state;

    protected CheckRouterAnswer() {
    }

    public CheckRouterAnswer(CheckRouterCommand cmd, String details, boolean parse) {
        super(cmd, true, details);
    }

    public CheckRouterAnswer(CheckRouterCommand cmd, String details) {
        super(cmd, false, details);
    }

    protected boolean parseDetails(String details) {
        return false;
    }

    public void setState(RedundantState state) {
        this.state = state;
    }

    public RedundantState getState() {
        return state;
    }
}
