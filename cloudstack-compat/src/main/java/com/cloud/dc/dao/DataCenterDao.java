package com.cloud.dc.dao;

import java.util.List;

import com.cloud.dc.DataCenterVO;
import com.cloud.utils.db.GenericDao;

// Subset of the real interface.
public interface DataCenterDao extends GenericDao<DataCenterVO, Long> {

    DataCenterVO findByName(String name);

    List<DataCenterVO> findZonesByDomainId(Long domainId);

    List<DataCenterVO> findZonesByDomainId(Long domainId, String keyword);

    List<DataCenterVO> listPublicZones(String keyword);

    void loadDetails(DataCenterVO zone);

    void saveDetails(DataCenterVO zone);

    List<DataCenterVO> listDisabledZones();

    List<DataCenterVO> listEnabledZones();

    List<Long> listEnabledNonEdgeZoneIds();

    DataCenterVO findByToken(String zoneToken);

    DataCenterVO findByTokenOrIdOrName(String tokenIdOrName);

    List<DataCenterVO> findByKeyword(String keyword);

    List<DataCenterVO> listAllZones();

    List<DataCenterVO> listByIds(List<Long> ids);
}
