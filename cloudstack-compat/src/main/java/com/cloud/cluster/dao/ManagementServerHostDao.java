package com.cloud.cluster.dao;

import java.util.Date;

import com.cloud.cluster.ManagementServerHostVO;
import com.cloud.utils.db.GenericDao;
import org.apache.cloudstack.management.ManagementServerHost;

// Subset of the real interface; the overload sets of the names it declares are complete.
public interface ManagementServerHostDao extends GenericDao<ManagementServerHostVO, Long> {

    @Override
    boolean remove(Long id);

    ManagementServerHostVO findByMsid(long msid);

    void update(long id, long runId, String name, String version, String serviceIP, int servicePort, Date lastUpdate,
            ManagementServerHost.State state);

    void update(long id, long runId, Date lastUpdate);

    void update(long id, long runId, ManagementServerHost.State state, Date lastUpdate);
}
