package org.apache.cloudstack.vrscaling.core.lifecycle;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides whether a finished CloudStack job may have left a bound network with routers at the wrong size.
 * A restart with cleanup, makeredundant or an in-sequence update replaces router VMs, and CloudStack sizes the new
 * ones from the network/VPC offering, not from VR Scale's binding.
 */
public final class RestartJobRule {
    /** API commands whose jobs can replace routers. */
    public static final Set<String> ROUTER_REPLACING_COMMANDS = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
            "org.apache.cloudstack.api.command.user.network.RestartNetworkCmd",
            "org.apache.cloudstack.api.command.user.vpc.RestartVPCCmd",
            "org.apache.cloudstack.api.command.user.network.UpdateNetworkCmd",
            "org.apache.cloudstack.api.command.admin.network.UpdateNetworkCmdByAdmin")));

    /**
     * API commands whose pending jobs may stop, start, replace or remove routers of the network, VPC or router their
     * parameters name: a scale must not run beside them (4.22 does not serialize API jobs by sync object).
     */
    public static final Set<String> ROUTER_CHANGING_COMMANDS;

    static {
        Set<String> changing = new HashSet<>(ROUTER_REPLACING_COMMANDS);
        changing.addAll(Arrays.asList(
                "org.apache.cloudstack.api.command.user.network.DeleteNetworkCmd",
                "org.apache.cloudstack.api.command.user.vpc.UpdateVPCCmd",
                "org.apache.cloudstack.api.command.admin.vpc.UpdateVPCCmdByAdmin",
                "org.apache.cloudstack.api.command.user.vpc.DeleteVPCCmd",
                "org.apache.cloudstack.api.command.admin.router.StopRouterCmd",
                "org.apache.cloudstack.api.command.admin.router.StartRouterCmd",
                "org.apache.cloudstack.api.command.admin.router.RebootRouterCmd",
                "org.apache.cloudstack.api.command.admin.router.DestroyRouterCmd",
                "org.apache.cloudstack.api.command.admin.systemvm.ScaleSystemVMCmd",
                "org.apache.cloudstack.api.command.admin.systemvm.MigrateSystemVMCmd",
                // A deploy into a network that is not implemented yet implements it and starts its routers.
                "org.apache.cloudstack.api.command.user.vm.DeployVMCmd",
                "org.apache.cloudstack.api.command.admin.vm.DeployVMCmdByAdmin"));
        ROUTER_CHANGING_COMMANDS = Collections.unmodifiableSet(changing);
    }

    private RestartJobRule() {
    }

    /**
     * @param commandClass the job's command class name (AsyncJob.getCmd())
     * @param status the job's final status name (JobInfo.Status): only SUCCEEDED jobs are followed up, because
     *               a failed restart leaves routers in states a rescale must not touch
     */
    public static boolean needsReconcile(String commandClass, String status) {
        return commandClass != null && ROUTER_REPLACING_COMMANDS.contains(commandClass) && "SUCCEEDED".equals(status);
    }
}
