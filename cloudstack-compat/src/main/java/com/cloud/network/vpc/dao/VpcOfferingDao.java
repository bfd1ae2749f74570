package com.cloud.network.vpc.dao;

import com.cloud.network.vpc.VpcOfferingVO;
import com.cloud.utils.db.GenericDao;

// Subset of the real interface: only findByUniqueName is declared.
public interface VpcOfferingDao extends GenericDao<VpcOfferingVO, Long> {

    VpcOfferingVO findByUniqueName(String uniqueName);
}
