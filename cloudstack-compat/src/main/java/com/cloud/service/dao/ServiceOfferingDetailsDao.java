package com.cloud.service.dao;

import java.util.List;

import org.apache.cloudstack.resourcedetail.ResourceDetailsDao;

import com.cloud.service.ServiceOfferingDetailsVO;
import com.cloud.utils.db.GenericDao;

public interface ServiceOfferingDetailsDao extends GenericDao<ServiceOfferingDetailsVO, Long>,
        ResourceDetailsDao<ServiceOfferingDetailsVO> {

    List<Long> findDomainIds(long resourceId);

    List<Long> findZoneIds(long resourceId);

    String getDetail(Long serviceOfferingId, String key);

    List<Long> findOfferingIdsByDomainIds(List<Long> domainIds);
}
