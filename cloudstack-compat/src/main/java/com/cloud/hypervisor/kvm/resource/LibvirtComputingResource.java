package com.cloud.hypervisor.kvm.resource;

import java.util.Map;

import org.joda.time.Duration;

import com.cloud.agent.api.routing.NetworkElementCommand;
import com.cloud.agent.resource.virtualnetwork.VirtualRouterDeployer;
import com.cloud.agent.resource.virtualnetwork.VirtualRoutingResource;
import com.cloud.resource.ResourceStatusUpdater;
import com.cloud.resource.ServerResource;
import com.cloud.resource.ServerResourceBase;
import com.cloud.utils.ExecutionResult;

// Abridged stand-in: only the members a command wrapper uses (the abridged real signature list), plus the
// ComponentLifecycle methods the real class implements (ServerResourceBase leaves them abstract).
// The real class has a public no-argument constructor; it is protected here so that nothing outside the
// abridged list is public. Tests mock this class instead of constructing it.
public class LibvirtComputingResource extends ServerResourceBase
        implements ServerResource, VirtualRouterDeployer, ResourceStatusUpdater {

    public static final String DEFAULTDOMRSSHPORT = "3922";

    protected LibvirtComputingResource() {
    }

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

    @Override
    public void setName(String name) {
    }

    @Override
    public void setConfigParams(Map<String, Object> params) {
    }

    @Override
    public Map<String, Object> getConfigParams() {
        return null;
    }

    @Override
    public int getRunLevel() {
        return 0;
    }

    @Override
    public void setRunLevel(int level) {
    }

    public VirtualRoutingResource getVirtRouterResource() {
        return null;
    }

    public Duration getTimeout() {
        return null;
    }
}
