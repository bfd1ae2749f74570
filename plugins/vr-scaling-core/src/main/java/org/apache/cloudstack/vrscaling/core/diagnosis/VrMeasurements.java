package org.apache.cloudstack.vrscaling.core.diagnosis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the VR-side script's `diagnose` mode measured inside one router. Every value may be null: a source the
 * router could not read is unknown, never zero.
 */
public final class VrMeasurements {
    /** Receive counters of one NIC. */
    public static final class Nic {
        private final String name;
        private final String driver;
        private final Long rxPackets;
        private final Long rxDropped;
        private final Integer rxQueues;

        public Nic(String name, String driver, Long rxPackets, Long rxDropped, Integer rxQueues) {
            this.name = name;
            this.driver = driver;
            this.rxPackets = rxPackets;
            this.rxDropped = rxDropped;
            this.rxQueues = rxQueues;
        }

        public String getName() {
            return name;
        }

        public String getDriver() {
            return driver;
        }

        public Long getRxPackets() {
            return rxPackets;
        }

        public Long getRxDropped() {
            return rxDropped;
        }

        public Integer getRxQueues() {
            return rxQueues;
        }
    }

    private Integer cpus;
    private Long memTotalKb;
    private Long oomKills;
    private Long conntrackCount;
    private Long conntrackMax;
    private Long conntrackBuckets;
    private Long conntrackDrop;
    private Long conntrackEarlyDrop;
    private Long conntrackInsertFailed;
    private Long conntrackChainTooLong;
    private Long softnetDropped;
    private Long softnetTimeSqueeze;
    private Double stealPct;
    private Double busyPct;
    private Double contextSwitchesPerSecond;
    private final List<Nic> nics = new ArrayList<>();

    public Integer getCpus() {
        return cpus;
    }

    public VrMeasurements cpus(Integer value) {
        cpus = value;
        return this;
    }

    public Long getMemTotalKb() {
        return memTotalKb;
    }

    public VrMeasurements memTotalKb(Long value) {
        memTotalKb = value;
        return this;
    }

    public Long getOomKills() {
        return oomKills;
    }

    public VrMeasurements oomKills(Long value) {
        oomKills = value;
        return this;
    }

    public Long getConntrackCount() {
        return conntrackCount;
    }

    public VrMeasurements conntrackCount(Long value) {
        conntrackCount = value;
        return this;
    }

    public Long getConntrackMax() {
        return conntrackMax;
    }

    public VrMeasurements conntrackMax(Long value) {
        conntrackMax = value;
        return this;
    }

    public Long getConntrackBuckets() {
        return conntrackBuckets;
    }

    public VrMeasurements conntrackBuckets(Long value) {
        conntrackBuckets = value;
        return this;
    }

    public Long getConntrackDrop() {
        return conntrackDrop;
    }

    public VrMeasurements conntrackDrop(Long value) {
        conntrackDrop = value;
        return this;
    }

    public Long getConntrackEarlyDrop() {
        return conntrackEarlyDrop;
    }

    public VrMeasurements conntrackEarlyDrop(Long value) {
        conntrackEarlyDrop = value;
        return this;
    }

    public Long getConntrackInsertFailed() {
        return conntrackInsertFailed;
    }

    public VrMeasurements conntrackInsertFailed(Long value) {
        conntrackInsertFailed = value;
        return this;
    }

    /** New flows refused because their hash chain was too long (the `chainlength` counter, Linux >= 5.15). */
    public Long getConntrackChainTooLong() {
        return conntrackChainTooLong;
    }

    public VrMeasurements conntrackChainTooLong(Long value) {
        conntrackChainTooLong = value;
        return this;
    }

    public Long getSoftnetDropped() {
        return softnetDropped;
    }

    public VrMeasurements softnetDropped(Long value) {
        softnetDropped = value;
        return this;
    }

    public Long getSoftnetTimeSqueeze() {
        return softnetTimeSqueeze;
    }

    public VrMeasurements softnetTimeSqueeze(Long value) {
        softnetTimeSqueeze = value;
        return this;
    }

    public Double getStealPct() {
        return stealPct;
    }

    public VrMeasurements stealPct(Double value) {
        stealPct = value;
        return this;
    }

    public Double getBusyPct() {
        return busyPct;
    }

    public VrMeasurements busyPct(Double value) {
        busyPct = value;
        return this;
    }

    public Double getContextSwitchesPerSecond() {
        return contextSwitchesPerSecond;
    }

    public VrMeasurements contextSwitchesPerSecond(Double value) {
        contextSwitchesPerSecond = value;
        return this;
    }

    public List<Nic> getNics() {
        return Collections.unmodifiableList(nics);
    }

    public VrMeasurements nic(Nic nic) {
        nics.add(nic);
        return this;
    }

    /** RX drops summed over all NICs; null when no NIC reported a counter. */
    public Long totalRxDropped() {
        Long total = null;
        for (Nic nic : nics) {
            if (nic.getRxDropped() != null) {
                total = (total == null ? 0 : total) + nic.getRxDropped();
            }
        }
        return total;
    }

    /** True when some virtio NIC runs a single receive queue. */
    public boolean hasSingleQueueVirtioNic() {
        for (Nic nic : nics) {
            if ("virtio_net".equals(nic.getDriver()) && nic.getRxQueues() != null && nic.getRxQueues() == 1) {
                return true;
            }
        }
        return false;
    }
}
