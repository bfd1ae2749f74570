package com.cloud.vm.dao;

import java.util.Date;
import java.util.List;

import com.cloud.utils.db.GenericDao;
import com.cloud.utils.fsm.StateDao;
import com.cloud.vm.VMInstanceVO;
import com.cloud.vm.VirtualMachine;

// Subset of the real interface.
public interface VMInstanceDao extends GenericDao<VMInstanceVO, Long>,
        StateDao<VirtualMachine.State, VirtualMachine.Event, VirtualMachine> {

    List<VMInstanceVO> listByHostId(long hostId);

    List<VMInstanceVO> listByZoneId(long zoneId);

    List<VMInstanceVO> listByPodId(long podId);

    List<VMInstanceVO> findVMInTransition(Date time, VirtualMachine.State... states);

    List<VMInstanceVO> listByHostAndState(long hostId, VirtualMachine.State... states);

    int countByTypes(VirtualMachine.Type... types);

    VMInstanceVO findByIdTypes(long id, VirtualMachine.Type... types);

    VMInstanceVO findVMByInstanceName(String name);

    VMInstanceVO findVMByInstanceNameIncludingRemoved(String name);

    VMInstanceVO findVMByHostName(String hostName);

    List<VMInstanceVO> listByHostIdTypes(long hostid, VirtualMachine.Type... types);

    List<VMInstanceVO> listUpByHostIdTypes(long hostid, VirtualMachine.Type... types);

    List<VMInstanceVO> listByZoneIdAndType(long zoneId, VirtualMachine.Type type);

    List<VMInstanceVO> listByTypeAndState(VirtualMachine.Type type, VirtualMachine.State state);

    List<VMInstanceVO> listByAccountId(long accountId);

    List<Long> findIdsOfAllocatedVirtualRoutersForAccount(long accountId);

    List<VMInstanceVO> listNonRemovedVmsByTypeAndNetwork(long networkId, VirtualMachine.Type... types);

    List<VMInstanceVO> listByIdsIncludingRemoved(List<Long> ids);
}
