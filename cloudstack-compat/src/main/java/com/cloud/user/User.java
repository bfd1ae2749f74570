package com.cloud.user;

import java.util.Date;

import org.apache.cloudstack.api.InternalIdentity;

public interface User extends OwnedBy, InternalIdentity {

    enum Source {
        OAUTH2, LDAP, SAML2, SAML2DISABLED, UNKNOWN, NATIVE
    }

    long UID_SYSTEM = 1;
    long UID_ADMIN = 2;

    @Override
    long getId();

    String getUuid();

    Date getCreated();

    Date getRemoved();

    String getUsername();

    void setUsername(String username);

    String getPassword();

    void setPassword(String password);

    String getFirstname();

    void setFirstname(String firstname);

    String getLastname();

    void setLastname(String lastname);

    void setAccountId(long accountId);

    String getEmail();

    void setEmail(String email);

    Account.State getState();

    void setState(Account.State state);

    String getApiKey();

    void setApiKey(String apiKey);

    String getSecretKey();

    void setSecretKey(String secretKey);

    String getTimezone();

    void setTimezone(String timezone);

    String getRegistrationToken();

    boolean isRegistered();

    boolean isDefault();

    Source getSource();

    void setSource(Source source);

    String getExternalEntity();

    void setExternalEntity(String entity);

    boolean isUser2faEnabled();

    String getKeyFor2fa();

    void setApiKeyAccess(Boolean apiKeyAccess);

    Boolean getApiKeyAccess();
}
