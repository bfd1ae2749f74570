package com.cloud.event;

import java.util.Map;

// Compile-only stand-in: publishes nothing. Subset: only the publishUsageEvent overloads (all of them, so a call
// resolves, or is ambiguous, here exactly as against CloudStack).
public class UsageEventUtils {

    public UsageEventUtils() {
    }

    public static void publishUsageEvent(String usageType, long accountId, long zoneId, long resourceId,
            String resourceName, Long offeringId, Long templateId, Long size, String entityType, String entityUUID,
            Map<String, String> details) {
    }

    public static void publishUsageEvent(String usageType, long accountId, long zoneId, long resourceId,
            String resourceName, Long offeringId, Long templateId, Long size, String entityType, String entityUUID) {
    }

    public static void publishUsageEvent(String usageType, long accountId, long zoneId, long resourceId,
            String resourceName, Long offeringId, Long templateId, Long size, String entityType, String entityUUID,
            boolean displayResource) {
    }

    public static void publishUsageEvent(String usageType, long accountId, long zoneId, long resourceId,
            String resourceName, Long offeringId, Long templateId, Long size, Long virtualSize, String entityType,
            String entityUUID, Map<String, String> details) {
    }

    public static void publishUsageEvent(String usageType, long accountId, long zoneId, long resourceId,
            String resourceName, Long offeringId, Long templateId, Long size, Long virtualSize, String entityType,
            String entityUUID) {
    }

    public static void publishUsageEvent(String usageType, long accountId, long zoneId, long resourceId,
            String resourceName, String entityType, String entityUUID) {
    }

    public static void publishUsageEvent(String usageType, long accountId, long zoneId, long resourceId,
            String resourceName, String entityType, String entityUUID, boolean displayResource) {
    }

    public static void publishUsageEvent(String usageType, long accountId, long zoneId, long ipAddressId,
            String ipAddress, boolean isSourceNat, String guestType, boolean isSystem, boolean usageHidden,
            String entityType, String entityUUID) {
    }

    public static void publishUsageEvent(String usageType, long accountId, long zoneId, long resourceId,
            String resourceName, Long offeringId, Long templateId, String resourceType, String entityType,
            String entityUUID, boolean displayResource) {
    }

    public static void publishUsageEvent(String usageType, long accountId, long zoneId, long vmId, long securityGroupId,
            String entityType, String entityUUID) {
    }

    public static void publishUsageEvent(String usageType, long accountId, long zoneId, long resourceId,
            String resourceName, Long offeringId, Long templateId, String resourceType, String entityType,
            String entityUUID, Map<String, String> details, boolean displayResource) {
    }
}
