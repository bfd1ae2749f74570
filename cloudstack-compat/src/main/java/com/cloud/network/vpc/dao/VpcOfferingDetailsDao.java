package com.cloud.network.vpc.dao;

import java.util.List;

import org.apache.cloudstack.resourcedetail.ResourceDetailsDao;

import com.cloud.network.vpc.VpcOfferingDetailsVO;
import com.cloud.utils.db.GenericDao;

public interface VpcOfferingDetailsDao extends GenericDao<VpcOfferingDetailsVO, Long>,
        ResourceDetailsDao<VpcOfferingDetailsVO> {

    List<Long> findDomainIds(long resourceId);

    List<Long> findZoneIds(long resourceId);

    String getDetail(long offeringId, String detailName);
}
