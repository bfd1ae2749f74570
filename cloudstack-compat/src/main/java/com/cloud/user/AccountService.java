package com.cloud.user;

import com.cloud.dc.DataCenter;
import com.cloud.domain.Domain;
import com.cloud.exception.PermissionDeniedException;
import com.cloud.network.vpc.VpcOffering;
import com.cloud.offering.DiskOffering;
import com.cloud.offering.NetworkOffering;
import com.cloud.offering.ServiceOffering;
import org.apache.cloudstack.acl.ControlledEntity;
import org.apache.cloudstack.acl.SecurityChecker.AccessType;

// Subset of the real interface; checkAccess has its whole overload set.
public interface AccountService {

    void checkAccess(Account caller, Domain domain) throws PermissionDeniedException;

    void checkAccess(Account caller, AccessType accessType, boolean sameOwner, ControlledEntity... entities)
            throws PermissionDeniedException;

    void checkAccess(Account caller, ServiceOffering offering, DataCenter zone) throws PermissionDeniedException;

    void checkAccess(Account caller, DiskOffering offering, DataCenter zone) throws PermissionDeniedException;

    void checkAccess(Account caller, NetworkOffering offering, DataCenter zone) throws PermissionDeniedException;

    void checkAccess(Account caller, VpcOffering offering, DataCenter zone) throws PermissionDeniedException;

    void checkAccess(User user, ControlledEntity entity);

    void checkAccess(Account caller, AccessType accessType, boolean sameOwner, String apiName,
            ControlledEntity... entities) throws PermissionDeniedException;

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
