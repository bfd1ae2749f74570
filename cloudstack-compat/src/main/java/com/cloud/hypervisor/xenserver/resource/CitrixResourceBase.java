package com.cloud.hypervisor.xenserver.resource;

import org.joda.time.Duration;

import com.cloud.agent.api.routing.NetworkElementCommand;
import com.cloud.agent.resource.virtualnetwork.VirtualRouterDeployer;
import com.cloud.resource.ServerResource;
import com.cloud.resource.ServerResourceBase;
import com.cloud.resource.hypervisor.HypervisorResource;
import com.cloud.utils.ExecutionResult;

// Abridged stand-in (cloud-plugin-hypervisor-xenserver): only its VirtualRouterDeployer members, which a command
// wrapper uses. Abstract like the real class; tests mock it.
public abstract class CitrixResourceBase extends ServerResourceBase
        implements ServerResource, HypervisorResource, VirtualRouterDeployer {

    @Override
    public ExecutionResult executeInVR(String routerIp, String script, String args) {
        return null;
    }

    @Override
    public ExecutionResult executeInVR(String routerIp, String script, String args, Duration timeout) {
        return null;
    }

    @Override
    public ExecutionResult createFileInVR(String routerIp, String path, String filename, String content) {
        return null;
    }

    @Override
    public ExecutionResult prepareCommand(NetworkElementCommand cmd) {
        return null;
    }

    @Override
    public ExecutionResult cleanupCommand(NetworkElementCommand cmd) {
        return null;
    }
}
