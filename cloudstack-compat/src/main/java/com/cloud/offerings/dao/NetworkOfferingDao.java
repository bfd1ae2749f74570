package com.cloud.offerings.dao;

import java.util.Map;

import com.cloud.offering.NetworkOffering.Detail;
import com.cloud.offerings.NetworkOfferingVO;
import com.cloud.utils.db.GenericDao;

// Subset of the real interface: findByUniqueName, and the persist overload that completes GenericDao's persist.
public interface NetworkOfferingDao extends GenericDao<NetworkOfferingVO, Long> {

    NetworkOfferingVO findByUniqueName(String uniqueName);

    NetworkOfferingVO persist(NetworkOfferingVO offering, Map<Detail, String> details);
}
