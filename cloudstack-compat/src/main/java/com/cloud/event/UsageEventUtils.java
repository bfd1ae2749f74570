package com.cloud.event;

// Compile-only stand-in: publishes nothing. Subset: only one publishUsageEvent overload is declared.
public class UsageEventUtils {

    public UsageEventUtils() {
    }

    public static void publishUsageEvent(String usageType, long accountId, long zoneId, long resourceId, String resourceName,
            Long offeringId, Long templateId, Long size, String entityType, String entityUUID, boolean displayResource) {
    }
}
