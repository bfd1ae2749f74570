package com.cloud.utils.db;

// Subset of the real interface: nothing VR Scale calls.
public interface TransactionStatus {
}
