package com.cloud.configuration;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.cloud.network.Network;
import com.cloud.network.Networks;
import com.cloud.offering.NetworkOffering;
import com.cloud.offerings.NetworkOfferingVO;
import com.cloud.utils.net.NetUtils;

// Subset of the real interface: only createNetworkOffering is declared.
public interface ConfigurationManager {

    NetworkOfferingVO createNetworkOffering(String name, String displayText, Networks.TrafficType trafficType, String tags,
            boolean specifyVlan, NetworkOffering.Availability availability, Integer networkRate,
            Map<Network.Service, Set<Network.Provider>> serviceProviderMap, boolean isDefault, Network.GuestType type,
            boolean systemOnly, Long serviceOfferingId, boolean conserveMode,
            Map<Network.Service, Map<Network.Capability, String>> serviceCapabilityMap, boolean specifyIpRanges,
            boolean isPersistent, Map<NetworkOffering.Detail, String> details, boolean egressDefaultPolicy, Integer maxconn,
            boolean enableKeepAlive, Boolean forVpc, Boolean forTungsten, boolean forNsx, boolean forNetris,
            NetworkOffering.NetworkMode networkMode, List<Long> domainIds, List<Long> zoneIds, boolean enableOffering,
            NetUtils.InternetProtocol internetProtocol, NetworkOffering.RoutingMode routingMode, boolean specifyAsNumber);
}
