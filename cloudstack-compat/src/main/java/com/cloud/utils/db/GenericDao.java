package com.cloud.utils.db;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;

// Subset of the real interface: of the query methods only createSearchCriteria and searchIncludingRemoved are here
// (SearchBuilder is left out). Every name declared here has its whole real overload set (hence remove/update with a
// SearchCriteria), so a call resolves, or is ambiguous, here exactly as against CloudStack.
public interface GenericDao<T, ID extends Serializable> {

    String REMOVED_COLUMN = "removed";
    String CREATED_COLUMN = "created";
    String XID_COLUMN = "xid";

    T findById(ID id);

    T findByIdIncludingRemoved(ID id);

    T findById(ID id, boolean fresh);

    T findByUuid(String uuid);

    default List<T> listByUuids(Collection<String> uuids) {
        return null;
    }

    T findByUuidIncludingRemoved(String uuid);

    T createForUpdate();

    T createForUpdate(ID id);

    SearchCriteria<T> createSearchCriteria();

    List<T> searchIncludingRemoved(SearchCriteria<T> sc, Filter filter, Boolean lock, boolean cache);

    List<T> searchIncludingRemoved(SearchCriteria<T> sc, Filter filter, Boolean lock, boolean cache,
            boolean enableQueryCache);

    T lockRow(ID id, Boolean exclusive);

    T acquireInLockTable(ID id);

    T acquireInLockTable(ID id, int seconds);

    boolean releaseFromLockTable(ID id);

    boolean update(ID id, T entity);

    int update(T entity, SearchCriteria<T> sc);

    List<ID> listAllIds();

    T persist(T entity);

    boolean remove(ID id);

    int remove(SearchCriteria<T> sc);

    int expungeList(List<ID> ids);

    boolean unremove(ID id);

    boolean lockInLockTable(String id);

    boolean lockInLockTable(String id, int seconds);

    boolean unlockFromLockTable(String id);

    Class<T> getEntityBeanType();

    Integer countAll();

    List<T> findByUuids(String... uuidArray);
}
