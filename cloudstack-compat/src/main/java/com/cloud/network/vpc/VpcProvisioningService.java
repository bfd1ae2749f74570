package com.cloud.network.vpc;

import java.util.List;
import java.util.Map;

import org.apache.cloudstack.api.command.admin.vpc.CreateVPCOfferingCmd;

import com.cloud.offering.NetworkOffering;
import com.cloud.utils.net.NetUtils;

// Subset of the real interface: only the two createVpcOffering overloads are declared.
public interface VpcProvisioningService {

    VpcOffering createVpcOffering(CreateVPCOfferingCmd cmd);

    @SuppressWarnings("rawtypes")
    VpcOffering createVpcOffering(String name, String displayText, List<String> supportedServices,
            Map<String, List<String>> serviceProviders, Map serviceCapabilitystList,
            NetUtils.InternetProtocol internetProtocol, Long serviceOfferingId, String externalProvider,
            NetworkOffering.NetworkMode networkMode, List<Long> domainIds, List<Long> zoneIds, VpcOffering.State state,
            NetworkOffering.RoutingMode routingMode, boolean specifyAsNumber);
}
