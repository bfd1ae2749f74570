package org.apache.cloudstack.vrscaling.access;

import javax.inject.Inject;

import org.apache.cloudstack.acl.ControlledEntity;
import org.apache.cloudstack.acl.SecurityChecker.AccessType;
import org.apache.cloudstack.api.ApiErrorCode;
import org.apache.cloudstack.api.ServerApiException;
import org.apache.cloudstack.context.CallContext;

import com.cloud.exception.PermissionDeniedException;
import com.cloud.network.dao.NetworkDao;
import com.cloud.network.vpc.dao.VpcDao;
import com.cloud.user.Account;
import com.cloud.user.AccountService;
import com.cloud.vm.dao.DomainRouterDao;

/**
 * Who may act on what. The API's role check only says a caller may call an API; CloudStack's own access check says
 * whether the caller may operate this tenant's network, VPC or router (a domain admin only inside their domain).
 * Profiles are cloud-wide system offerings: only a root admin changes them. Refusals are ACCOUNT_ERROR (531), as
 * CloudStack answers any permission denial. Background work runs as the system account and never comes here.
 */
public class ResourceAccess {
    @Inject
    AccountService accountService;
    @Inject
    NetworkDao networkDao;
    @Inject
    VpcDao vpcDao;
    @Inject
    DomainRouterDao routerDao;

    /**
     * Refuses a caller that may not operate the network, VPC or router before anything of it is read or changed.
     * Ids that do not resolve pass: the service names them in its own PARAM_ERROR.
     */
    public void checkOperate(Long networkId, Long vpcId, Long routerId) {
        check(AccessType.OperateEntry, "operate", networkId, vpcId, routerId);
    }

    /** Refuses a caller that may not see the network or VPC (a binding is shown only to those who may). */
    public void checkList(Long networkId, Long vpcId) {
        check(AccessType.ListEntry, "see", networkId, vpcId, null);
    }

    private void check(AccessType accessType, String verb, Long networkId, Long vpcId, Long routerId) {
        ControlledEntity entity = networkId != null ? networkDao.findById(networkId)
                : vpcId != null ? vpcDao.findById(vpcId)
                : routerId != null ? routerDao.findById(routerId) : null;
        if (entity == null) {
            return;
        }
        Account caller = caller();
        try {
            accountService.checkAccess(caller, accessType, true, entity);
        } catch (PermissionDeniedException e) {
            throw denied("Account " + caller.getAccountName() + " may not " + verb + " "
                    + (networkId != null ? "this network" : vpcId != null ? "this VPC" : "this router")
                    + ": it belongs to another account or domain");
        }
    }

    /** Profiles are system offerings every tenant's routers may run on: creating or changing one is a root admin's. */
    public void checkRootAdmin(String action) {
        Account caller = caller();
        if (!accountService.isRootAdmin(caller.getId())) {
            throw denied("Only a root administrator may " + action + ": virtual router profiles are cloud-wide "
                    + "system offerings (account " + caller.getAccountName() + " is not one)");
        }
    }

    private static Account caller() {
        return CallContext.current().getCallingAccount();
    }

    private static ServerApiException denied(String message) {
        return new ServerApiException(ApiErrorCode.ACCOUNT_ERROR, message);
    }
}
