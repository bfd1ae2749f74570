package org.apache.cloudstack.vrscaling.agent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.apache.cloudstack.vrscaling.core.tuning.TuningMode;

import com.cloud.agent.api.routing.NetworkElementCommand;

/**
 * Asks the agent to run the VR-side tuning script in one router. It carries typed values only (a mode, whitelisted
 * keys with range-checked values, integers); the agent turns them into script arguments itself and checks them
 * again, because the command crossed a wire. The sender sets ROUTER_IP (control IP) and ROUTER_NAME.
 */
public class VrTuningCommand extends NetworkElementCommand {
    /** The script's limit for diagnose sampling. */
    public static final int MAX_SAMPLE_SECONDS = 10;
    /** The ranges the VR-side script accepts for --memory-fraction and --bytes-per-entry. */
    public static final double MIN_MEMORY_FRACTION = 0.05;
    public static final double MAX_MEMORY_FRACTION = 0.6;
    public static final int MIN_BYTES_PER_ENTRY = 64;
    public static final int MAX_BYTES_PER_ENTRY = 4_096;

    /** One sysctl setting; NIC queues travel separately in {@link #getNicQueues()}. */
    public static final class Setting {
        private TuningKey key;
        private long value;

        // For Gson.
        private Setting() {
        }

        public Setting(TuningKey key, long value) {
            this.key = Objects.requireNonNull(key, "key");
            this.value = value;
        }

        public TuningKey getKey() {
            return key;
        }

        public long getValue() {
            return value;
        }

        @Override
        public String toString() {
            return (key == null ? "null" : key.sysctlName()) + "=" + value;
        }
    }

    private TuningMode mode;
    private List<Setting> settings;
    private int nicQueues;
    private int sampleSeconds;
    /** Share of the router's real RAM the conntrack table may use; 0: not sent (the script's own default). */
    private double memoryFraction;
    /** Bytes one conntrack entry costs; 0: not sent. */
    private int bytesPerEntry;

    /** For Gson, which builds the command on the agent; call {@link #validate()} before use. */
    protected VrTuningCommand() {
        settings = new ArrayList<>();
    }

    /**
     * @param nicQueues combined queues per virtio NIC, 0 to leave the queues alone
     * @param sampleSeconds diagnose sampling time, 0..10; must be 0 for other modes
     */
    public VrTuningCommand(TuningMode mode, List<Setting> settings, int nicQueues, int sampleSeconds) {
        this.mode = mode;
        this.settings = sorted(settings == null ? Collections.emptyList() : settings);
        this.nicQueues = nicQueues;
        this.sampleSeconds = sampleSeconds;
        validate();
    }

    public static VrTuningCommand apply(KernelTuning tuning) {
        return fromTuning(TuningMode.APPLY, tuning);
    }

    public static VrTuningCommand verify(KernelTuning tuning) {
        return fromTuning(TuningMode.VERIFY, tuning);
    }

    public static VrTuningCommand diagnose(int sampleSeconds) {
        return new VrTuningCommand(TuningMode.DIAGNOSE, Collections.emptyList(), 0, sampleSeconds);
    }

    public static VrTuningCommand remove() {
        return new VrTuningCommand(TuningMode.REMOVE, Collections.emptyList(), 0, 0);
    }

    private static VrTuningCommand fromTuning(TuningMode mode, KernelTuning tuning) {
        Objects.requireNonNull(tuning, "tuning");
        List<Setting> settings = new ArrayList<>();
        for (TuningKey key : TuningKey.values()) {
            if (key.isSysctl()) {
                settings.add(new Setting(key, tuning.value(key)));
            }
        }
        return new VrTuningCommand(mode, settings, (int) tuning.value(TuningKey.NIC_QUEUES), 0);
    }

    /**
     * The zone's conntrack budget settings, so the script caps what it applies to the router's RAM (what the
     * hypervisor gave it: memory blocks in sysfs, MemTotal as the fallback) by the same rule the management server
     * checks profiles with. Only for apply and verify.
     *
     * @throws IllegalArgumentException when a value is outside the script's range
     */
    public VrTuningCommand withConntrackBudget(double fraction, int bytes) {
        this.memoryFraction = fraction;
        this.bytesPerEntry = bytes;
        validate();
        return this;
    }

    /**
     * Leaves the router's NIC queues as they are: no --nic-queues, no ethtool -L. For hypervisors that own the queue
     * count (VMware's vmxnet3, XenServer's netfront); only KVM's virtio takes nic.multiqueue.number.
     */
    public VrTuningCommand withoutNicQueues() {
        this.nicQueues = 0;
        validate();
        return this;
    }

    /** Sets the access details the agent needs: the router's control IP and its instance name. */
    public VrTuningCommand forRouter(String controlIp, String instanceName) {
        setAccessDetail(ROUTER_IP, controlIp);
        setAccessDetail(ROUTER_NAME, instanceName);
        return this;
    }

    /**
     * Checks every value again: mode, whitelisted sysctl keys, ranges, no duplicates, queues and sampling bounds.
     *
     * @throws IllegalArgumentException naming the first problem
     */
    public void validate() {
        if (mode == null) {
            throw new IllegalArgumentException("tuning command has no mode");
        }
        List<Setting> list = settings == null ? Collections.emptyList() : settings;
        Set<TuningKey> seen = EnumSet.noneOf(TuningKey.class);
        for (Setting setting : list) {
            if (setting == null || setting.key == null) {
                throw new IllegalArgumentException("tuning command has a setting without a key");
            }
            if (!setting.key.isSysctl()) {
                throw new IllegalArgumentException(setting.key.parameterName()
                        + " is not a sysctl; NIC queues travel as nicQueues");
            }
            setting.key.checkRange(setting.value);
            if (!seen.add(setting.key)) {
                throw new IllegalArgumentException("duplicate setting " + setting.key.sysctlName());
            }
        }
        boolean takesSettings = mode == TuningMode.APPLY || mode == TuningMode.VERIFY;
        if (takesSettings && list.isEmpty()) {
            throw new IllegalArgumentException(mode.scriptWord() + " needs at least one setting");
        }
        if (!takesSettings && (!list.isEmpty() || nicQueues != 0)) {
            throw new IllegalArgumentException(mode.scriptWord() + " takes no settings");
        }
        if (nicQueues != 0) {
            TuningKey.NIC_QUEUES.checkRange(nicQueues);
        }
        if (sampleSeconds < 0 || sampleSeconds > MAX_SAMPLE_SECONDS) {
            throw new IllegalArgumentException("sample seconds must be between 0 and " + MAX_SAMPLE_SECONDS
                    + " (got " + sampleSeconds + ")");
        }
        if (mode != TuningMode.DIAGNOSE && sampleSeconds != 0) {
            throw new IllegalArgumentException("sample seconds only apply to diagnose");
        }
        validateBudget(takesSettings);
    }

    private void validateBudget(boolean takesSettings) {
        boolean fractionSet = memoryFraction != 0;
        boolean bytesSet = bytesPerEntry != 0;
        if (fractionSet != bytesSet) {
            throw new IllegalArgumentException("memory fraction and bytes per entry travel together (got "
                    + memoryFraction + ", " + bytesPerEntry + ")");
        }
        if (!fractionSet) {
            return;
        }
        if (!takesSettings) {
            throw new IllegalArgumentException(mode.scriptWord() + " takes no conntrack budget");
        }
        // NaN fails both comparisons' negation: !(x >= min) is true for NaN.
        if (!(memoryFraction >= MIN_MEMORY_FRACTION && memoryFraction <= MAX_MEMORY_FRACTION)) {
            throw new IllegalArgumentException("memory fraction must be between " + MIN_MEMORY_FRACTION + " and "
                    + MAX_MEMORY_FRACTION + " (got " + memoryFraction + ")");
        }
        if (bytesPerEntry < MIN_BYTES_PER_ENTRY || bytesPerEntry > MAX_BYTES_PER_ENTRY) {
            throw new IllegalArgumentException("bytes per entry must be between " + MIN_BYTES_PER_ENTRY + " and "
                    + MAX_BYTES_PER_ENTRY + " (got " + bytesPerEntry + ")");
        }
    }

    public TuningMode getMode() {
        return mode;
    }

    /** The sysctl settings in {@link TuningKey} order. */
    public List<Setting> getSettings() {
        return settings == null ? Collections.emptyList() : Collections.unmodifiableList(settings);
    }

    /** Combined queues per virtio NIC; 0 leaves the queues alone. */
    public int getNicQueues() {
        return nicQueues;
    }

    public int getSampleSeconds() {
        return sampleSeconds;
    }

    /** True when {@link #withConntrackBudget} set the budget settings. */
    public boolean hasConntrackBudget() {
        return memoryFraction != 0;
    }

    public double getMemoryFraction() {
        return memoryFraction;
    }

    public int getBytesPerEntry() {
        return bytesPerEntry;
    }

    public String getRouterName() {
        return getAccessDetail(ROUTER_NAME);
    }

    public String getRouterIp() {
        return getAccessDetail(ROUTER_IP);
    }

    @Override
    public boolean executeInSequence() {
        return false;
    }

    private static List<Setting> sorted(List<Setting> settings) {
        List<Setting> copy = new ArrayList<>(settings);
        // With a null anywhere, leave the order alone: validate() refuses it with a clear message.
        if (copy.stream().allMatch(s -> s != null && s.key != null)) {
            copy.sort((a, b) -> a.key.compareTo(b.key));
        }
        return copy;
    }
}
