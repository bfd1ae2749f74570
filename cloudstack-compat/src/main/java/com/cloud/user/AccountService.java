package com.cloud.user;

// Subset of the real interface (checkAccess is left out: its overload set needs types compat does not declare).
public interface AccountService {

    Account getSystemAccount();

    User getSystemUser();

    boolean isAdmin(Long accountId);

    Account getActiveAccountById(long accountId);

    Account getAccount(long accountId);

    User getActiveUser(long userId);

    User getUserIncludingRemoved(long userId);

    boolean isRootAdmin(Long accountId);

    boolean isDomainAdmin(Long accountId);

    boolean isNormalUser(long accountId);
}
