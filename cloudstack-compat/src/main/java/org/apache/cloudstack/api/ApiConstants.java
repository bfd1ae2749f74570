package org.apache.cloudstack.api;

// Subset of CloudStack's ApiConstants; every value must equal the real one (they are inlined at compile time).
public class ApiConstants {
    public static final String ACCOUNT = "account";
    public static final String ACCOUNT_ID = "accountid";
    public static final String CLEANUP = "cleanup";
    public static final String CPU_NUMBER = "cpunumber";
    public static final String CPU_SPEED = "cpuspeed";
    public static final String CREATED = "created";
    public static final String CUSTOM_JOB_ID = "customjobid";
    public static final String DESCRIPTION = "description";
    public static final String DETAILS = "details";
    public static final String DISPLAY_TEXT = "displaytext";
    public static final String DOMAIN_ID = "domainid";
    public static final String ENABLED = "enabled";
    public static final String FORCED = "forced";
    public static final String ID = "id";
    public static final String IDS = "ids";
    public static final String IS_SYSTEM_OFFERING = "issystem";
    public static final String JOB_ID = "jobid";
    public static final String JOB_STATUS = "jobstatus";
    public static final String KEYWORD = "keyword";
    public static final String LIVE_PATCH = "livepatch";
    public static final String MAKEREDUNDANT = "makeredundant";
    public static final String MEMORY = "memory";
    public static final String MTU = "mtu";
    public static final String NAME = "name";
    public static final String NETWORK_ID = "networkid";
    public static final String NIC_MULTIQUEUE_NUMBER = "nicmultiqueuenumber";
    public static final String NIC_PACKED_VIRTQUEUES_ENABLED = "nicpackedvirtqueuesenabled";
    public static final String PAGE = "page";
    public static final String PAGE_SIZE = "pagesize";
    public static final String PRIVATE_MTU = "privatemtu";
    public static final String PROJECT_ID = "projectid";
    public static final String PUBLIC_MTU = "publicmtu";
    public static final String REDUNDANT_STATE = "redundantstate";
    public static final String REMOVED = "removed";
    public static final String ROUTER_ID = "routerid";
    public static final String SERVICE_OFFERING_ID = "serviceofferingid";
    public static final String STATE = "state";
    public static final String SUCCESS = "success";
    public static final String SYSTEM_VM_TYPE = "systemvmtype";
    public static final String VPC_ID = "vpcid";
    public static final String ZONE_ID = "zoneid";
}
