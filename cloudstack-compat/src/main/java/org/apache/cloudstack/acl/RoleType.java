package org.apache.cloudstack.acl;

import java.util.Collection;
import java.util.Set;

import com.cloud.user.Account;

public enum RoleType {
    Admin(1L, Account.Type.ADMIN, 1),
    ResourceAdmin(2L, Account.Type.RESOURCE_DOMAIN_ADMIN, 2),
    DomainAdmin(3L, Account.Type.DOMAIN_ADMIN, 4),
    User(4L, Account.Type.NORMAL, 8),
    Unknown(-1L, Account.Type.UNKNOWN, 0);

    private final long id;
    private final Account.Type accountType;
    private final int mask;

    RoleType(long id, Account.Type accountType, int mask) {
        this.id = id;
        this.accountType = accountType;
        this.mask = mask;
    }

    public long getId() {
        return id;
    }

    public Account.Type getAccountType() {
        return accountType;
    }

    public int getMask() {
        return mask;
    }

    public static RoleType fromString(String name) {
        return null;
    }

    public static RoleType fromMask(int mask) {
        return null;
    }

    public static RoleType getByAccountType(Account.Type accountType) {
        return null;
    }

    public static Long getRoleByAccountType(Long roleId, Account.Type accountType) {
        return null;
    }

    public static int toCombinedMask(Collection<RoleType> roleTypes) {
        return 0;
    }

    public static Set<RoleType> fromCombinedMask(int combinedMask) {
        return null;
    }
}
