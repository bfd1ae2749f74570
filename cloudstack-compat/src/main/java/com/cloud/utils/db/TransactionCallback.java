package com.cloud.utils.db;

public interface TransactionCallback<T> {
    T doInTransaction(TransactionStatus status);
}
