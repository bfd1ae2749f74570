package com.cloud.network.dao;

import java.util.List;
import java.util.Map;

import com.cloud.network.Network;
import com.cloud.network.Networks;
import com.cloud.utils.db.GenericDao;
import com.cloud.utils.fsm.StateDao;

// Subset of the real interface: only methods whose parameter types compat declares; declared names have their whole
// real overload set.
public interface NetworkDao extends GenericDao<NetworkVO, Long>, StateDao<Network.State, Network.Event, Network> {

    List<NetworkVO> listByOwner(long ownerId);

    List<NetworkVO> listByGuestType(Network.GuestType type);

    List<NetworkVO> listBy(long accountId, long offeringId, long dataCenterId);

    List<NetworkVO> listBy(long accountId, long dataCenterId, String cidr, boolean skipVpc);

    List<NetworkVO> listByZoneAndGuestType(long accountId, long dataCenterId, Network.GuestType type, Boolean isSystem);

    NetworkVO persist(NetworkVO network, boolean gc, Map<String, String> serviceProviderMap);

    List<NetworkVO> listBy(long accountId, long networkId);

    List<NetworkVO> listBy(long accountId, long dataCenterId, Network.GuestType type, Networks.TrafficType trafficType);

    List<NetworkVO> listByZone(long zoneId);

    boolean update(Long networkId, NetworkVO network, Map<String, String> serviceProviderMap);

    int getNetworkCountByVpcId(long vpcId);

    int getNetworkCountByNetworkOffId(long networkOfferingId);

    List<NetworkVO> listByVpc(long vpcId);

    long countVpcNetworks(long vpcId);

    List<NetworkVO> listRedundantNetworks();

    List<NetworkVO> listVpcNetworks();

    List<NetworkVO> listByAclId(long aclId);

    int getNonSystemNetworkCountByVpcId(long vpcId);

    List<NetworkVO> listNetworkVO(List<Long> idset);

    List<NetworkVO> listByAccountIdNetworkName(long accountId, String name);
}
