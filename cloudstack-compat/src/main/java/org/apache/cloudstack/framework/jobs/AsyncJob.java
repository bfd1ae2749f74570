package org.apache.cloudstack.framework.jobs;

import java.util.Date;

import org.apache.cloudstack.jobs.JobInfo;

// Subset: getSyncSource()/setSyncSource(SyncQueueItem) are not declared.
public interface AsyncJob extends JobInfo {

    enum JournalType {
        SUCCESS, FAILURE
    }

    interface Topics {
        String JOB_HEARTBEAT = "job.heartbeat";
        String JOB_STATE = "job.state";
        String JOB_EVENT_PUBLISH = "job.eventpublish";
    }

    @Override
    String getType();

    @Override
    String getDispatcher();

    @Override
    int getPendingSignals();

    @Override
    long getUserId();

    @Override
    long getAccountId();

    @Override
    String getCmd();

    @Override
    int getCmdVersion();

    @Override
    String getCmdInfo();

    @Override
    Status getStatus();

    @Override
    int getProcessStatus();

    @Override
    int getResultCode();

    @Override
    String getResult();

    @Override
    Long getInitMsid();

    void setInitMsid(Long msid);

    @Override
    Long getExecutingMsid();

    void setExecutingMsid(Long msid);

    @Override
    Long getCompleteMsid();

    void setCompleteMsid(Long msid);

    @Override
    Date getCreated();

    @Override
    Date getLastUpdated();

    @Override
    Date getLastPolled();

    @Override
    String getInstanceType();

    @Override
    Long getInstanceId();

    String getShortUuid();

    String getRelated();
}
