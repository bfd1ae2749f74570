package com.cloud.user;

import org.apache.cloudstack.acl.ControlledEntity;
import org.apache.cloudstack.acl.SecurityChecker.AccessType;

import com.cloud.dc.DataCenter;
import com.cloud.exception.PermissionDeniedException;
import com.cloud.offering.ServiceOffering;

// Subset of the real interface.
public interface AccountService {

    Account getSystemAccount();

    User getSystemUser();

    boolean isAdmin(Long accountId);

    Account getActiveAccountById(long accountId);

    Account getAccount(long accountId);

    User getActiveUser(long userId);

    User getUserIncludingRemoved(long userId);

    boolean isRootAdmin(Long accountId);

    boolean isRootAdmin(Account account);

    boolean isDomainAdmin(Long accountId);

    boolean isNormalUser(long accountId);

    void checkAccess(Account account, AccessType accessType, boolean sameOwner, ControlledEntity... entities)
            throws PermissionDeniedException;

    void checkAccess(Account account, ServiceOffering so, DataCenter zone) throws PermissionDeniedException;

    void checkAccess(User user, ControlledEntity entity);

    void checkAccess(Account account, AccessType accessType, boolean sameOwner, String apiName, ControlledEntity... entities)
            throws PermissionDeniedException;
}
