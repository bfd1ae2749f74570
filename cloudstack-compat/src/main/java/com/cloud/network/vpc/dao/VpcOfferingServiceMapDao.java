package com.cloud.network.vpc.dao;

import java.util.List;

import com.cloud.network.vpc.VpcOfferingServiceMapVO;
import com.cloud.utils.db.GenericDao;

// Subset of the real interface: only listByVpcOffId is declared.
public interface VpcOfferingServiceMapDao extends GenericDao<VpcOfferingServiceMapVO, Long> {

    List<VpcOfferingServiceMapVO> listByVpcOffId(long vpcOffId);
}
