package com.cloud.user;

import java.util.List;

import org.apache.cloudstack.framework.config.Configurable;

// Subset of the real interface.
public interface AccountManager extends AccountService, Configurable {

    Long checkAccessAndSpecifyAuthority(Account caller, Long zoneId);

    boolean enableAccount(long accountId);

    List<String> listAclGroupsByAccount(Long accountId);

    List<String> getApiNameList();

    void checkApiAccess(Account caller, String command);
}
