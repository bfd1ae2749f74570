package com.cloud.hypervisor.xenserver.resource.wrapper.xenbase.vrscaling;

import org.apache.cloudstack.vrscaling.agent.VrTuningCommand;
import org.apache.cloudstack.vrscaling.agent.delivery.DeployerChannel;
import org.apache.cloudstack.vrscaling.agent.delivery.VrDelivery;

import com.cloud.agent.api.Answer;
import com.cloud.hypervisor.xenserver.resource.CitrixResourceBase;
import com.cloud.resource.CommandWrapper;
import com.cloud.resource.ResourceWrapper;

/**
 * Runs VR Scale's delivery routine in a router on a XenServer/XCP-ng host. XenServer resources live in the
 * management server, and CitrixRequestWrapper scans com.cloud.hypervisor.xenserver.resource.wrapper.xenbase and its
 * subpackages for wrappers, exact command class first: so this class, in the management-server jar, takes
 * VrTuningCommand before CloudStack's NetworkElementCommand wrapper (which would fail it). It reaches the router as
 * CloudStack's own VR commands do there: the resource's createFileInVR/executeInVR, i.e. SSH to the host and the
 * host's router_proxy.sh.
 */
@ResourceWrapper(handles = VrTuningCommand.class)
public final class CitrixVrTuningCommandWrapper extends CommandWrapper<VrTuningCommand, Answer, CitrixResourceBase> {
    static final String CHANNEL = "through the XenServer/XCP-ng host (router_proxy.sh)";

    /** For CitrixRequestWrapper, which instantiates wrappers reflectively: must not throw or touch anything. */
    public CitrixVrTuningCommandWrapper() {
    }

    @Override
    public Answer execute(VrTuningCommand command, CitrixResourceBase resource) {
        return new VrDelivery(null).deliver(command, ip -> new DeployerChannel(resource, ip, CHANNEL));
    }
}
