package com.cloud.utils.db;

// Subset of the real class: the execute overloads only. The stand-in runs the callback directly (no database), so code
// under test that groups its writes in a transaction still does them.
public class Transaction {
    public Transaction() {
    }

    public static <T, E extends Throwable> T execute(TransactionCallbackWithException<T, E> callback) throws E {
        return callback.doInTransaction(null);
    }

    public static <T> T execute(TransactionCallback<T> callback) {
        return callback.doInTransaction(null);
    }

    public static <T, E extends Throwable> T execute(short databaseId, TransactionCallbackWithException<T, E> callback)
            throws E {
        return callback.doInTransaction(null);
    }

    public static <T> T execute(short databaseId, TransactionCallback<T> callback) {
        return callback.doInTransaction(null);
    }
}
