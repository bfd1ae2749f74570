package com.cloud.utils.db;

import java.io.Serializable;

// Subset of the real interface: only findById, which the real CallContext uses to look up the calling user and
// account. Tests hand CallContext.init a Mockito mock of it.
public interface EntityManager {

    <T, K extends Serializable> T findById(Class<T> entityType, K id);
}
