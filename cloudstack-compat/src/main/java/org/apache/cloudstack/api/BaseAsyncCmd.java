package org.apache.cloudstack.api;

public abstract class BaseAsyncCmd extends BaseCmd {

    public static final String ipAddressSyncObject = "ipaddress";
    public static final String networkSyncObject = "network";
    public static final String vpcSyncObject = "vpc";
    public static final String migrationSyncObject = "migration";
    public static final String snapshotHostSyncObject = "snapshothost";
    public static final String gslbSyncObject = "globalserverloadbalancer";

    private Object job;
    private Long startEventId;

    public BaseAsyncCmd() {
    }

    public String getInjectedJobId() {
        return null;
    }

    public abstract String getEventType();

    public abstract String getEventDescription();

    public void setJob(Object job) {
        this.job = job;
    }

    public Long getStartEventId() {
        return startEventId;
    }

    public void setStartEventId(Long startEventId) {
        this.startEventId = startEventId;
    }

    public String getSyncObjType() {
        return null;
    }

    public Long getSyncObjId() {
        return null;
    }

    public Object getJob() {
        return job;
    }
}
