package com.cloud.capacity.dao;

import com.cloud.capacity.CapacityVO;
import com.cloud.utils.db.GenericDao;

// Subset of the real interface.
public interface CapacityDao extends GenericDao<CapacityVO, Long> {

    CapacityVO findByHostIdType(Long hostId, short capacityType);
}
