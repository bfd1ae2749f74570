package com.cloud.event;

import org.apache.cloudstack.context.CallContext;

// Compile-only stand-in: records nothing; every method returns a trivial default.
public class ActionEventUtils {

    public ActionEventUtils() {
    }

    public static Long onActionEvent(Long userId, Long accountId, Long domainId, String type, String description,
            Long resourceId, String resourceType) {
        return null;
    }

    public static Long onScheduledActionEvent(Long userId, Long accountId, String type, String description, Long resourceId,
            String resourceType, boolean eventDisplayEnabled, long startEventId) {
        return null;
    }

    public static void startNestedActionEvent(String eventType, String eventDescription, Long resourceId,
            String resourceType) {
    }

    public static void onStartedActionEventFromContext(String eventType, String eventDescription, Long resourceId,
            String resourceType, boolean eventDisplayEnabled) {
    }

    public static Long onStartedActionEvent(Long userId, Long accountId, String type, String description, Long resourceId,
            String resourceType, boolean eventDisplayEnabled, long startEventId) {
        return null;
    }

    public static Long onCompletedActionEvent(Long userId, Long accountId, String level, String type, String description,
            Long resourceId, String resourceType, long startEventId) {
        return null;
    }

    public static Long onCompletedActionEvent(Long userId, Long accountId, String level, String type,
            boolean eventDisplayEnabled, String description, Long resourceId, String resourceType, long startEventId) {
        return null;
    }

    public static Long onCreatedActionEvent(Long userId, Long accountId, String level, String type,
            boolean eventDisplayEnabled, String description, Long resourceId, String resourceType) {
        return null;
    }

    public static long getOwnerAccountId(CallContext ctx, String eventType, long ownerAccountId) {
        return 0;
    }
}
