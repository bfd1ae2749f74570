package com.cloud.agent.resource.virtualnetwork;

import com.cloud.agent.api.Answer;
import com.cloud.agent.api.routing.NetworkElementCommand;

// Subset of the real class.
public class VirtualRoutingResource {

    public VirtualRoutingResource(VirtualRouterDeployer deployer) {
    }

    public Answer executeRequest(NetworkElementCommand cmd) {
        return null;
    }
}
