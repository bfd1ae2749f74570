package com.cloud.network;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.cloud.dc.DataCenter;
import com.cloud.network.router.VirtualRouter;
import com.cloud.user.Account;
import com.cloud.utils.Pair;

// Subset of the real interface: only methods whose parameter types compat declares.
public interface NetworkModel {

    List<? extends Network> listNetworksUsedByVm(long vmId, boolean isSystem);

    Network getDefaultNetworkForVm(long vmId);

    String getIpOfNetworkElementInVirtualNetwork(long accountId, long dataCenterId);

    List<? extends Network> listNetworksForAccount(long accountId, long zoneId, Network.GuestType type);

    String getIpInNetwork(long vmId, long networkId);

    String getIpInNetworkIncludingRemoved(long vmId, long networkId);

    boolean isNetworkSystem(Network network);

    Long getPhysicalNetworkId(Network network);

    void checkNetworkPermissions(Account caller, Network network);

    void checkNetworkOperatePermissions(Account caller, Network network);

    void checkRouterPermissions(Account caller, VirtualRouter router);

    List<? extends Network> listNetworksByVpc(long vpcId);

    boolean canUseForDeploy(Network network);

    boolean isVmPartOfNetwork(long vmId, long ntwkId);

    Network getNetwork(long networkId);

    boolean isNetworkAvailableInDomain(long networkId, long domainId);

    boolean isNetworkInlineMode(Network network);

    boolean getExecuteInSeqNtwkElmtCmd();

    boolean isNetworkReadyForGc(long networkId);

    Pair<String, String> getNetworkIp4Dns(Network network, DataCenter zone);

    Pair<String, String> getNetworkIp6Dns(Network network, DataCenter zone);

    Map<Network.Service, Set<Network.Provider>> getNetworkOfferingServiceProvidersMap(long networkOfferingId);
}
