package org.apache.cloudstack.context;

import java.util.Map;

import org.apache.cloudstack.api.ApiCommandResourceType;

import com.cloud.exception.CloudAuthenticationException;
import com.cloud.user.Account;
import com.cloud.user.User;
import com.cloud.utils.db.EntityManager;

// Subset of the real class; static registration methods return trivial defaults (mock them in tests). The real
// register(userId, accountId) looks both up through the EntityManager given to init: tests that run code registering
// a context call init with a mock that knows those rows, so they pass against the real class too.
public class CallContext {

    public static void init(EntityManager entityMgr) {
    }

    protected CallContext() {
    }

    public void putContextParameter(Object key, Object value) {
    }

    public void removeContextParameter(Object key) {
    }

    public Object getContextParameter(Object key) {
        return null;
    }

    public long getCallingUserId() {
        return 0;
    }

    public User getCallingUser() {
        return null;
    }

    public String getContextId() {
        return null;
    }

    public Account getCallingAccount() {
        return null;
    }

    public static CallContext current() {
        return null;
    }

    public static CallContext register(User callingUser, Account callingAccount, String contextId) {
        return null;
    }

    public static CallContext registerPlaceHolderContext() {
        return null;
    }

    public static CallContext register(User callingUser, Account callingAccount) {
        return null;
    }

    public static CallContext registerSystemCallContextOnceOnly() {
        return null;
    }

    public static CallContext register(String callingUserUuid, String callingAccountUuid) {
        return null;
    }

    public static CallContext register(CallContext parent, ApiCommandResourceType eventResourceType)
            throws CloudAuthenticationException {
        return null;
    }

    public static CallContext register(long callingUserId, long callingAccountId) throws CloudAuthenticationException {
        return null;
    }

    public static CallContext register(long callingUserId, long callingAccountId, String contextId)
            throws CloudAuthenticationException {
        return null;
    }

    public static void unregisterAll() {
    }

    public static CallContext unregister() {
        return null;
    }

    public void setStartEventId(long startEventId) {
    }

    public long getStartEventId() {
        return 0;
    }

    public long getCallingAccountId() {
        return 0;
    }

    public String getCallingAccountUuid() {
        return null;
    }

    public String getCallingUserUuid() {
        return null;
    }

    public void setEventDetails(String eventDetails) {
    }

    public String getEventDetails() {
        return null;
    }

    public String getEventType() {
        return null;
    }

    public void setEventType(String eventType) {
    }

    public String getEventDescription() {
        return null;
    }

    public void setEventDescription(String eventDescription) {
    }

    public Long getEventResourceId() {
        return null;
    }

    public void setEventResourceId(Long eventResourceId) {
    }

    public ApiCommandResourceType getEventResourceType() {
        return null;
    }

    public void setEventResourceType(ApiCommandResourceType eventResourceType) {
    }

    public String getApiName() {
        return null;
    }

    public void setApiName(String apiName) {
    }

    public boolean isEventDisplayEnabled() {
        return false;
    }

    public void setEventDisplayEnabled(boolean eventDisplayEnabled) {
    }

    public Map<Object, Object> getContextParameters() {
        return null;
    }

    public void putContextParameters(Map<Object, Object> details) {
    }

    public static void setActionEventInfo(String eventType, String description) {
    }
}
