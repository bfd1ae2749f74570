package com.cloud.vm.dao;

import java.util.List;

import com.cloud.utils.db.GenericDao;
import com.cloud.vm.NicVO;

// Subset of the real interface: only listByNetworkId is declared.
public interface NicDao extends GenericDao<NicVO, Long> {

    List<NicVO> listByNetworkId(long networkId);
}
