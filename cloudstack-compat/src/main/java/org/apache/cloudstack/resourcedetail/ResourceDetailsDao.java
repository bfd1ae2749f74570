package org.apache.cloudstack.resourcedetail;

import java.util.List;
import java.util.Map;

import org.apache.cloudstack.api.ResourceDetail;

import com.cloud.utils.Pair;
import com.cloud.utils.db.GenericDao;

public interface ResourceDetailsDao<R extends ResourceDetail> extends GenericDao<R, Long> {

    R findDetail(long resourceId, String name);

    List<R> findDetails(String name);

    List<R> findDetails(long resourceId, String key);

    List<R> findDetails(String name, String value, Boolean display);

    void removeDetails(long resourceId);

    void removeDetail(long resourceId, String key);

    void removeDetail(long resourceId, String key, String value);

    List<R> listDetails(long resourceId);

    List<R> listDetails(long resourceId, boolean forDisplay);

    Map<String, String> listDetailsKeyPairs(long resourceId);

    Map<String, String> listDetailsKeyPairs(long resourceId, List<String> keys);

    Map<String, String> listDetailsKeyPairs(long resourceId, boolean forDisplay);

    Map<String, Boolean> listDetailsVisibility(long resourceId);

    Pair<Map<String, String>, Map<String, String>> listDetailsKeyPairsWithVisibility(long resourceId);

    void saveDetails(List<R> details);

    void addDetail(long resourceId, String key, String value, boolean display);

    List<Long> findResourceIdsByNameAndValueIn(String name, Object[] values);

    long batchExpungeForResources(List<Long> ids, Long batchSize);

    String getActualValue(ResourceDetail resourceDetail);
}
