package org.apache.cloudstack.vrscaling.access;

import com.cloud.network.Network;
import com.cloud.network.router.VirtualRouter;
import com.cloud.network.vpc.Vpc;
import com.cloud.user.Account;
import com.cloud.user.OwnedBy;
import com.cloud.utils.db.EntityManager;

/**
 * The account a command acts for: the owner of the network, VPC or router it names. CloudStack checks the caller's
 * access to that account before the command runs and files the command's events under it.
 */
public final class ResourceOwner {
    private ResourceOwner() {
    }

    /** The owner's account id; the system account when nothing is named or it does not resolve. */
    public static long of(EntityManager entities, Long networkId, Long vpcId, Long routerId) {
        OwnedBy owned = entities == null ? null
                : networkId != null ? entities.findById(Network.class, networkId)
                : vpcId != null ? entities.findById(Vpc.class, vpcId)
                : routerId != null ? entities.findById(VirtualRouter.class, routerId) : null;
        return owned == null ? Account.ACCOUNT_ID_SYSTEM : owned.getAccountId();
    }
}
