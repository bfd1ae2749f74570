package com.cloud.user;

public interface OwnedBy {
    long getAccountId();
}
