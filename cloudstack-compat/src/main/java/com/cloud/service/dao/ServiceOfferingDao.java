package com.cloud.service.dao;

import java.util.List;
import java.util.Map;

import com.cloud.service.ServiceOfferingVO;
import com.cloud.utils.db.GenericDao;

// Subset of the real interface: only methods whose parameter types compat declares.
public interface ServiceOfferingDao extends GenericDao<ServiceOfferingVO, Long> {

    ServiceOfferingVO findByName(String name);

    ServiceOfferingVO persistSystemServiceOffering(ServiceOfferingVO vo);

    ServiceOfferingVO persistDeafultServiceOffering(ServiceOfferingVO offering);

    void loadDetails(ServiceOfferingVO serviceOffering);

    void saveDetails(ServiceOfferingVO serviceOffering);

    ServiceOfferingVO findById(Long vmId, long serviceOfferingId);

    ServiceOfferingVO findByIdIncludingRemoved(Long vmId, long serviceOfferingId);

    boolean isDynamic(long serviceOfferingId);

    ServiceOfferingVO getComputeOffering(ServiceOfferingVO serviceOffering, Map<String, String> customParameters);

    ServiceOfferingVO findDefaultSystemOffering(String offeringName, Boolean useLocalStorage);

    List<ServiceOfferingVO> listPublicByCpuAndMemory(Integer cpus, Integer memory);

    ServiceOfferingVO findServiceOfferingByComputeOnlyDiskOffering(long diskOfferingId, boolean includingRemoved);

    List<Long> listIdsByHostTag(String tag);
}
