package org.apache.cloudstack.vrscaling.agent.delivery;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import org.joda.time.Duration;

import com.cloud.agent.resource.virtualnetwork.VirtualRouterDeployer;
import com.cloud.utils.ExecutionResult;

/**
 * A {@link RouterChannel} over a hypervisor resource's own {@link VirtualRouterDeployer}: the path CloudStack's VR
 * commands take on that hypervisor (XenServer: SSH to the host, then the host's router_proxy.sh into the router).
 */
public final class DeployerChannel implements RouterChannel {
    private final VirtualRouterDeployer deployer;
    private final String routerIp;
    private final String description;

    public DeployerChannel(VirtualRouterDeployer deployer, String routerIp, String description) {
        this.deployer = Objects.requireNonNull(deployer, "deployer");
        this.routerIp = Objects.requireNonNull(routerIp, "routerIp");
        this.description = Objects.requireNonNull(description, "description");
    }

    @Override
    public Result createFile(String dir, String fileName, byte[] content) {
        // The deployer takes text and encodes it again; the installer's checksum catches any change on the way.
        String text = new String(content, StandardCharsets.UTF_8);
        // CloudStack's callers pass a directory with a trailing slash (XenServer copies into it by the file's name).
        return of(deployer.createFileInVR(routerIp, dir.endsWith("/") ? dir : dir + "/", fileName, text));
    }

    @Override
    public Result execute(String script, List<String> args, int timeoutMs) {
        return of(deployer.executeInVR(routerIp, script, String.join(" ", args), Duration.millis(timeoutMs)));
    }

    @Override
    public String describe() {
        return description;
    }

    private static Result of(ExecutionResult result) {
        if (result == null) {
            return new Result(false, "the hypervisor resource returned no result");
        }
        return new Result(Boolean.TRUE.equals(result.isSuccess()), result.getDetails());
    }
}
