package com.cloud.vm.dao;

import java.util.List;

import com.cloud.network.Network;
import com.cloud.network.router.VirtualRouter;
import com.cloud.network.router.VirtualRouter.Role;
import com.cloud.utils.db.GenericDao;
import com.cloud.vm.DomainRouterVO;
import com.cloud.vm.VirtualMachine;

public interface DomainRouterDao extends GenericDao<DomainRouterVO, Long> {

    List<DomainRouterVO> listByDataCenter(long dcId);

    List<DomainRouterVO> findBy(long accountId, long dcId);

    List<DomainRouterVO> listBy(long accountId);

    List<DomainRouterVO> listByHostId(Long hostId);

    List<DomainRouterVO> listByLastHostId(Long hostId);

    List<DomainRouterVO> listRunningByPodId(Long podId);

    List<DomainRouterVO> listByPodIdAndStates(Long podId, VirtualMachine.State... states);

    List<DomainRouterVO> listIsolatedByHostId(Long hostId);

    List<DomainRouterVO> listRunningByDomain(Long domainId);

    Integer countAllByRole(Role role);

    List<DomainRouterVO> findBy(long accountId, long dcId, Role role);

    List<DomainRouterVO> findByNetwork(long networkId);

    List<DomainRouterVO> listActive(long networkId);

    List<DomainRouterVO> listByStateAndNetworkType(VirtualMachine.State state, Network.GuestType type, long mgmtSrvrId);

    List<DomainRouterVO> listByStateAndManagementServer(VirtualMachine.State state, long mgmtSrvrId);

    List<DomainRouterVO> findByNetworkOutsideThePod(long networkId, long podId, VirtualMachine.State state, Role role);

    List<DomainRouterVO> listByNetworkAndPodAndRole(long networkId, long podId, Role role);

    List<DomainRouterVO> listByNetworkAndRole(long networkId, Role... roles);

    List<DomainRouterVO> listByElementId(long elementId);

    DomainRouterVO persist(DomainRouterVO router, List<Network> guestNetworks);

    List<Long> getRouterNetworks(long routerId);

    List<DomainRouterVO> listByVpcId(long vpcId);

    void addRouterToGuestNetwork(VirtualRouter router, Network guestNetwork);

    void removeRouterFromGuestNetwork(long routerId, long guestNetworkId);

    List<DomainRouterVO> listRunningByClusterId(Long clusterId);

    List<DomainRouterVO> listRunningByAccountId(long accountId);

    List<DomainRouterVO> listRunningByDataCenter(long dcId);

    List<DomainRouterVO> listStopped(long networkId);

    List<DomainRouterVO> listIncludingRemovedByVpcId(long vpcId);
}
