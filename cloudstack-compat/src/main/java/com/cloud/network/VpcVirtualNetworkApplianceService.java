package com.cloud.network;

import com.cloud.exception.ConcurrentOperationException;
import com.cloud.exception.ResourceUnavailableException;
import com.cloud.network.router.VirtualRouter;

// Subset: addVpcRouterToGuestNetwork(..., Map<VirtualMachineProfile.Param, Object>) is not declared.
public interface VpcVirtualNetworkApplianceService extends VirtualNetworkApplianceService {

    boolean removeVpcRouterFromGuestNetwork(VirtualRouter router, Network network)
            throws ConcurrentOperationException, ResourceUnavailableException;

    boolean stopKeepAlivedOnRouter(VirtualRouter router, Network network)
            throws ConcurrentOperationException, ResourceUnavailableException;

    boolean startKeepAlivedOnRouter(VirtualRouter router, Network network)
            throws ConcurrentOperationException, ResourceUnavailableException;
}
