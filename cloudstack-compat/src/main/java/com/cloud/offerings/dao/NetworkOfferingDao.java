package com.cloud.offerings.dao;

import com.cloud.offerings.NetworkOfferingVO;
import com.cloud.utils.db.GenericDao;

// Subset of the real interface: only findByUniqueName is declared.
public interface NetworkOfferingDao extends GenericDao<NetworkOfferingVO, Long> {

    NetworkOfferingVO findByUniqueName(String uniqueName);
}
