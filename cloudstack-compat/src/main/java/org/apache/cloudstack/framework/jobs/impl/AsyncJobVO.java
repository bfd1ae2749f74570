package org.apache.cloudstack.framework.jobs.impl;

import java.util.Date;

import org.apache.cloudstack.framework.jobs.AsyncJob;
import org.apache.cloudstack.jobs.JobInfo;

// Compile-only stand-in: plain field-backed getters and setters; nothing else.
public class AsyncJobVO implements AsyncJob, JobInfo {
    private long id;
    private String uuid;
    private String type;
    private String dispatcher;
    private int pendingSignals;
    private long userId;
    private long accountId;
    private String cmd;
    private int cmdVersion;
    private String cmdInfo;
    private Status status;
    private int processStatus;
    private int resultCode;
    private String result;
    private Long initMsid;
    private Long executingMsid;
    private Long completeMsid;
    private Date created;
    private Date removed;
    private Date lastUpdated;
    private Date lastPolled;
    private String instanceType;
    private Long instanceId;
    private String related;

    public AsyncJobVO() {
    }

    public AsyncJobVO(String related, long userId, long accountId, String cmd, String cmdInfo, Long instanceId,
            String instanceType, String injectedUuid) {
        this.related = related;
        this.userId = userId;
        this.accountId = accountId;
        this.cmd = cmd;
        this.cmdInfo = cmdInfo;
        this.instanceId = instanceId;
        this.instanceType = instanceType;
        this.uuid = injectedUuid;
    }

    @Override
    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    @Override
    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    @Override
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    @Override
    public String getDispatcher() {
        return dispatcher;
    }

    public void setDispatcher(String dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public int getPendingSignals() {
        return pendingSignals;
    }

    public void setPendingSignals(int pendingSignals) {
        this.pendingSignals = pendingSignals;
    }

    @Override
    public long getUserId() {
        return userId;
    }

    public void setUserId(long userId) {
        this.userId = userId;
    }

    @Override
    public long getAccountId() {
        return accountId;
    }

    public void setAccountId(long accountId) {
        this.accountId = accountId;
    }

    @Override
    public String getCmd() {
        return cmd;
    }

    public void setCmd(String cmd) {
        this.cmd = cmd;
    }

    @Override
    public int getCmdVersion() {
        return cmdVersion;
    }

    public void setCmdVersion(int cmdVersion) {
        this.cmdVersion = cmdVersion;
    }

    @Override
    public String getCmdInfo() {
        return cmdInfo;
    }

    public void setCmdInfo(String cmdInfo) {
        this.cmdInfo = cmdInfo;
    }

    @Override
    public Status getStatus() {
        return status;
    }

    public void setStatus(Status status) {
        this.status = status;
    }

    @Override
    public int getProcessStatus() {
        return processStatus;
    }

    public void setProcessStatus(int processStatus) {
        this.processStatus = processStatus;
    }

    @Override
    public int getResultCode() {
        return resultCode;
    }

    public void setResultCode(int resultCode) {
        this.resultCode = resultCode;
    }

    @Override
    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    @Override
    public Long getInitMsid() {
        return initMsid;
    }

    @Override
    public void setInitMsid(Long initMsid) {
        this.initMsid = initMsid;
    }

    @Override
    public Long getExecutingMsid() {
        return executingMsid;
    }

    @Override
    public void setExecutingMsid(Long executingMsid) {
        this.executingMsid = executingMsid;
    }

    @Override
    public Long getCompleteMsid() {
        return completeMsid;
    }

    @Override
    public void setCompleteMsid(Long completeMsid) {
        this.completeMsid = completeMsid;
    }

    @Override
    public Date getCreated() {
        return created;
    }

    public void setCreated(Date created) {
        this.created = created;
    }

    @Override
    public Date getRemoved() {
        return removed;
    }

    @Override
    public Date getLastUpdated() {
        return lastUpdated;
    }

    public void setLastUpdated(Date lastUpdated) {
        this.lastUpdated = lastUpdated;
    }

    @Override
    public Date getLastPolled() {
        return lastPolled;
    }

    public void setLastPolled(Date lastPolled) {
        this.lastPolled = lastPolled;
    }

    @Override
    public String getInstanceType() {
        return instanceType;
    }

    public void setInstanceType(String instanceType) {
        this.instanceType = instanceType;
    }

    @Override
    public Long getInstanceId() {
        return instanceId;
    }

    public void setInstanceId(Long instanceId) {
        this.instanceId = instanceId;
    }

    @Override
    public String getRelated() {
        return related;
    }

    public void setRelated(String related) {
        this.related = related;
    }

    @Override
    public String getShortUuid() {
        return null;
    }
}
