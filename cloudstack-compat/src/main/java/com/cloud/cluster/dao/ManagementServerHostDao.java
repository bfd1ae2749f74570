package com.cloud.cluster.dao;

import com.cloud.cluster.ManagementServerHostVO;
import com.cloud.utils.db.GenericDao;

// Subset of the real interface.
public interface ManagementServerHostDao extends GenericDao<ManagementServerHostVO, Long> {

    ManagementServerHostVO findByMsid(long msid);
}
