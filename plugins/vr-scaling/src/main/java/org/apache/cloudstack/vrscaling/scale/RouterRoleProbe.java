package org.apache.cloudstack.vrscaling.scale;

import javax.inject.Inject;

import com.cloud.agent.AgentManager;
import com.cloud.agent.api.Answer;
import com.cloud.agent.api.CheckRouterAnswer;
import com.cloud.agent.api.CheckRouterCommand;
import com.cloud.agent.api.routing.NetworkElementCommand;
import com.cloud.network.router.RouterControlHelper;
import com.cloud.network.router.VirtualRouter.RedundantState;
import com.cloud.vm.DomainRouterVO;

/**
 * Asks a redundant router for its VRRP role now, with the same CheckRouterCommand CloudStack's periodic check sends.
 * domain_router.redundant_state is only refreshed every router.check.interval and keeps its value across a stop,
 * so right after a restart it can still say BACKUP before keepalived on the router has said anything.
 */
public class RouterRoleProbe {
    /** Seconds the agent may take for one check; the caller's own deadline bounds the retries. */
    static final int CHECK_WAIT_SECONDS = 30;

    @Inject
    AgentManager agentManager;
    @Inject
    RouterControlHelper routerControlHelper;

    /** The role the router reports, or UNKNOWN when it cannot be asked or gives no readable answer. */
    public RedundantState ask(DomainRouterVO router) {
        if (router == null || router.getHostId() == null) {
            return RedundantState.UNKNOWN;
        }
        CheckRouterCommand command = new CheckRouterCommand();
        command.setAccessDetail(NetworkElementCommand.ROUTER_IP, routerControlHelper.getRouterControlIp(router.getId()));
        command.setAccessDetail(NetworkElementCommand.ROUTER_NAME, router.getInstanceName());
        command.setWait(CHECK_WAIT_SECONDS);
        Answer answer = agentManager.easySend(router.getHostId(), command);
        if (!(answer instanceof CheckRouterAnswer) || !answer.getResult()) {
            return RedundantState.UNKNOWN;
        }
        RedundantState state = ((CheckRouterAnswer) answer).getState();
        return state == null ? RedundantState.UNKNOWN : state;
    }
}
