package com.cloud.network;

import com.cloud.exception.ConcurrentOperationException;
import com.cloud.exception.InsufficientCapacityException;
import com.cloud.exception.ResourceUnavailableException;
import com.cloud.network.router.VirtualRouter;
import com.cloud.user.Account;
import com.cloud.utils.Pair;

// Subset of the real interface: methods taking API command, profile, planner or NIC types are not declared.
public interface VirtualNetworkApplianceService {

    VirtualRouter startRouter(long routerId, boolean reprogramNetwork)
            throws ConcurrentOperationException, ResourceUnavailableException, InsufficientCapacityException;

    VirtualRouter rebootRouter(long routerId, boolean reprogramNetwork, boolean forced)
            throws ConcurrentOperationException, ResourceUnavailableException, InsufficientCapacityException;

    VirtualRouter stopRouter(long routerId, boolean forced) throws ResourceUnavailableException, ConcurrentOperationException;

    VirtualRouter startRouter(long id)
            throws ResourceUnavailableException, InsufficientCapacityException, ConcurrentOperationException;

    VirtualRouter destroyRouter(long routerId, Account caller, Long callerUserId)
            throws ResourceUnavailableException, ConcurrentOperationException;

    VirtualRouter findRouter(long routerId);

    Pair<Boolean, String> performRouterHealthChecks(long routerId);
}
