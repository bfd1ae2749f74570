package com.cloud.utils.db;

// Subset of the real class. The stand-in runs the callback directly (no database), so code under test that
// groups its writes in a transaction still does them.
public class Transaction {
    public Transaction() {
    }

    public static <T> T execute(TransactionCallback<T> callback) {
        return callback.doInTransaction(null);
    }
}
