package com.cloud.offerings.dao;

import java.util.List;
import java.util.Map;

import org.apache.cloudstack.resourcedetail.ResourceDetailsDao;

import com.cloud.offering.NetworkOffering;
import com.cloud.offerings.NetworkOfferingDetailsVO;

public interface NetworkOfferingDetailsDao extends ResourceDetailsDao<NetworkOfferingDetailsVO> {

    Map<NetworkOffering.Detail, String> getNtwkOffDetails(long offeringId);

    String getDetail(long offeringId, NetworkOffering.Detail detailName);

    List<Long> findDomainIds(long resourceId);

    List<Long> findZoneIds(long resourceId);
}
