package com.cloud.vm;

// Compile-only stand-in: plain field-backed getters and setters; nothing else.
public class NicVO implements Nic {
    private long id;
    private String uuid;
    private Long instanceId;
    private long networkId;
    private String reserver;
    private VirtualMachine.Type vmType;
    private boolean defaultNic;
    private ReservationStrategy reservationStrategy;

    protected NicVO() {
    }

    public NicVO(String reserver, Long instanceId, long configurationId, VirtualMachine.Type vmType) {
        this.reserver = reserver;
        this.instanceId = instanceId;
        this.networkId = configurationId;
        this.vmType = vmType;
    }

    @Override
    public long getId() {
        return id;
    }

    @Override
    public String getUuid() {
        return uuid;
    }

    @Override
    public long getInstanceId() {
        return instanceId;
    }

    public void setInstanceId(long instanceId) {
        this.instanceId = instanceId;
    }

    @Override
    public boolean isDefaultNic() {
        return defaultNic;
    }

    public void setDefaultNic(boolean defaultNic) {
        this.defaultNic = defaultNic;
    }

    @Override
    public ReservationStrategy getReservationStrategy() {
        return reservationStrategy;
    }

    public void setReservationStrategy(ReservationStrategy strategy) {
        this.reservationStrategy = strategy;
    }
}
