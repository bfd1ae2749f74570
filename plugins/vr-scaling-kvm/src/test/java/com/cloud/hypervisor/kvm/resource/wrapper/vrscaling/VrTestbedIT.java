package com.cloud.hypervisor.kvm.resource.wrapper.vrscaling;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.junit.Assume.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.cloudstack.vrscaling.agent.VrScript;
import org.apache.cloudstack.vrscaling.agent.VrScriptArguments;
import org.apache.cloudstack.vrscaling.agent.VrTuningCommand;
import org.apache.cloudstack.vrscaling.agent.VrTuningReport;
import org.apache.cloudstack.vrscaling.core.sizing.ConntrackBudget;
import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;
import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.apache.cloudstack.vrscaling.core.sizing.TuningValue;
import org.apache.cloudstack.vrscaling.core.tuning.KeyResult;
import org.apache.cloudstack.vrscaling.core.tuning.TuningMode;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.junit.runners.MethodSorters;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * End to end against the real-kernel testbed VM (testbed/, Debian 12, kernel 6.1, 512 MiB, 2 vCPUs, a 2-queue
 * virtio NIC): the KVM wrapper's own delivery path ({@link VrScriptRunner}, {@link VrScriptArguments},
 * {@link VrTuningReport}) with {@link OpenSshTransport} instead of CloudStack's SshHelper, the real script, and every
 * value read back from the guest kernel.
 *
 * <p>Runs only when {@code -Dvrscaling.testbed.port=N} is given (testbed/start-vm.sh forwards 127.0.0.1:N to the
 * guest's port 3922); {@code vrscaling.testbed.key} and {@code vrscaling.testbed.serial} default to the testbed's
 * build output. The methods run in name order and share the one VM; s3 and s6 reboot it.
 *
 * <p>The script budgets conntrack with the RAM the hypervisor gave the guest (online memory blocks x block size,
 * 512 MiB here; its MemTotal is about 11 % lower), the number the management server derives and checks profiles
 * with: the profile derived for 512 MiB fits its budget ({@link ConntrackBudget}, 25 %, 400 B per entry) and is
 * applied in full. s8 proves the limit with an explicitly oversized table.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class VrTestbedIT {
    private static final String HOST = "127.0.0.1";
    private static final SshTimeouts TIMEOUTS = new SshTimeouts(10_000, 10_000, 120_000);
    private static final int REBOOT_TIMEOUT_SECONDS = 300;
    /** CloudStack's stock VR /etc/sysctl.conf value, re-applied at boot by cloud-early-config (here: its mimic). */
    private static final long STOCK_CONNTRACK_MAX = 1_000_000L;
    private static final String NIC = "eth0";
    private static final String PERSISTED = "/etc/sysctl.d/99-vr-scaling.conf";
    private static final String MODPROBE_FILE = "/etc/modprobe.d/vr-scaling.conf";
    private static final String HOOK_FILE = "/etc/udev/rules.d/99-vr-scaling.rules";
    private static final String RECORD_FILE = "/etc/sysctl.d/vr-scaling-original.json";
    /** The testbed image loads nf_conntrack at boot with this file; s6 takes it away. */
    private static final String PRELOAD = "/etc/modules-load.d/vr-testbed.conf";
    /** The zone defaults the script is sent: 25 % of the router's RAM, 400 B per conntrack entry. */
    private static final SizingAssumptions ASSUMPTIONS = SizingAssumptions.defaults();
    /** s8's table: far over the 512 MiB guest's budget (a full table needs 408 MiB), inside the keys' ranges. */
    private static final long OVERSIZED = 1_048_576L;

    /** The profile for the testbed's size: 2 vCPUs, 512 MiB. */
    private static final KernelTuning PROFILE = new SizingModel(ASSUMPTIONS).derive(new RouterSize(2, 2000, 512));

    private static OpenSshTransport transport;
    private static File key;
    private static int port;
    private static File serialLog;
    private static VrScriptRunner runner;
    /** The guest's RAM as the script reads it for the budget: online memory blocks x block size. */
    private static long guestMemoryBytes;
    private static long memTotalBytes;
    /** Every sysctl as the guest had it before the first apply (s1), for remove (s7). */
    private static Map<TuningKey, Long> beforeVrScale;

    @Rule
    public final TestWatcher serialTail = new TestWatcher() {
        @Override
        protected void failed(Throwable e, Description description) {
            printSerialTail(description.getMethodName());
        }
    };

    @BeforeClass
    public static void connect() throws Exception {
        String portProperty = System.getProperty("vrscaling.testbed.port");
        assumeTrue("no testbed VM: start one with testbed/start-vm.sh and pass -Dvrscaling.testbed.port",
                portProperty != null && !portProperty.isEmpty());
        port = Integer.parseInt(portProperty);
        key = new File(System.getProperty("vrscaling.testbed.key", "../../testbed/target/image/id_ed25519"));
        serialLog = new File(System.getProperty("vrscaling.testbed.serial", "../../testbed/target/run/serial.log"));
        assertTrue("no testbed key " + key.getAbsolutePath(), key.isFile());
        transport = new OpenSshTransport();
        runner = new VrScriptRunner(transport, key, port, VrScript.bundled());
        try {
            waitForSsh(120);
            runner.install(HOST, TIMEOUTS);
            memTotalBytes = Long.parseLong(guest("awk '/^MemTotal:/ {print $2}' /proc/meminfo")) * 1024;
            String[] blocks = guest("cat /sys/devices/system/memory/block_size_bytes && "
                    + "cat /sys/devices/system/memory/memory*/online | grep -c '^1$'").split("\\s+");
            long blockSize = Long.parseLong(blocks[0], 16);
            guestMemoryBytes = blockSize * Long.parseLong(blocks[1]);
            System.out.println("[testbed] kernel " + guest("uname -r") + ", profile " + PROFILE.sysctls()
                    + ", nic queues " + PROFILE.value(TuningKey.NIC_QUEUES) + "; memory blocks " + blocks[1] + " x "
                    + blockSize + " B = " + guestMemoryBytes + " B, MemTotal " + memTotalBytes + " B; "
                    + profileBudget());
        } catch (Exception | AssertionError e) {
            printSerialTail("connect");
            throw e;
        }
    }

    /** Leaves the image's boot order as it was, should s6 stop half-way. */
    @AfterClass
    public static void restorePreload() throws Exception {
        if (transport != null && port > 0) {
            transport.run(HOST, port, key, "echo nf_conntrack > " + PRELOAD, TIMEOUTS);
        }
    }

    @Test
    public void s1ApplyLandsInTheGuestKernel() throws Exception {
        assertEquals("the hypervisor gave the guest 512 MiB in memory blocks", 512L << 20, guestMemoryBytes);
        assertTrue("MemTotal is below the memory blocks: " + memTotalBytes, memTotalBytes < guestMemoryBytes);
        assertTrue("the profile derived for 512 MiB fits 512 MiB: " + profileBudget(), profileBudget().fits());
        beforeVrScale = guestValues();
        // Start from one queue, so that apply has to run ethtool -L on the multiqueue virtio NIC.
        guest("ethtool -L " + NIC + " combined 1");
        assertEquals(1, guestCombinedQueues());

        VrTuningReport report = apply();

        assertTrue(report.json(), report.isOk());
        assertTrue("the first apply changes the VM: " + report.json(), report.isChanged());
        assertTrue(report.toOutcome().getMessage(), report.toOutcome().isOk());
        assertNull(report.fileProblem());
        Map<TuningKey, Long> reported = report.valuesInForce();
        Map<TuningKey, Long> kernel = guestValues();
        for (TuningKey k : TuningKey.values()) {
            assertEquals("requested vs guest kernel: " + k.displayName(), inKernel(k), kernel.get(k));
            assertEquals("report vs guest kernel: " + k.displayName(), kernel.get(k), reported.get(k));
        }
        assertEquals("hashsize parameter and buckets sysctl", kernel.get(TuningKey.CONNTRACK_BUCKETS),
                Long.valueOf(guest("cat /sys/module/nf_conntrack/parameters/hashsize")));
        assertEquals(KeyResult.Status.APPLIED, report.nicQueues().getStatus());
        assertEquals(Integer.valueOf(2), report.nicQueuesOffered());
        for (KeyResult result : report.keys()) {
            KeyResult.Status expected = inKernel(result.getKey()).equals(beforeVrScale.get(result.getKey()))
                    ? KeyResult.Status.UNCHANGED : KeyResult.Status.APPLIED;
            assertEquals(result.toString(), expected, result.getStatus());
        }
        assertEquals("conntrack max and buckets in full", Long.valueOf(PROFILE.value(TuningKey.CONNTRACK_MAX)),
                kernel.get(TuningKey.CONNTRACK_MAX));
        assertEquals(Long.valueOf(PROFILE.value(TuningKey.CONNTRACK_BUCKETS)), kernel.get(TuningKey.CONNTRACK_BUCKETS));
        assertTrue("nothing cut down: " + report.json(), report.budgetLimits().isEmpty());
        JsonObject json = JsonParser.parseString(report.json()).getAsJsonObject();
        assertFalse("top-level limited: " + report.json(), json.get("limited").getAsBoolean());
        assertFalse(json.get("pending").getAsBoolean());
        assertBudgetMemory(json);

        String persisted = guest("cat " + PERSISTED);
        for (TuningKey k : TuningKey.values()) {
            if (k.isSysctl()) {
                assertTrue(persisted, (persisted + "\n").contains(k.sysctlName() + " = " + PROFILE.value(k) + "\n"));
            }
        }
        assertTrue(guest("cat " + MODPROBE_FILE).endsWith("\noptions nf_conntrack hashsize="
                + PROFILE.value(TuningKey.CONNTRACK_BUCKETS)));
        assertTrue(guest("cat " + HOOK_FILE).contains("SUBSYSTEM==\"module\", KERNEL==\"nf_conntrack\""));
        guest("test -s " + RECORD_FILE);
        System.out.println("[testbed] s1 apply: " + report.toOutcome().getMessage() + "; guest kernel " + kernel);
    }

    @Test
    public void s2SecondApplyChangesNothing() throws Exception {
        apply();
        Map<TuningKey, Long> before = guestValues();

        VrTuningReport report = apply();

        assertTrue(report.json(), report.isOk());
        assertFalse("a second apply reports no change: " + report.json(), report.isChanged());
        for (KeyResult result : report.keys()) {
            assertEquals(result.toString(), KeyResult.Status.UNCHANGED, result.getStatus());
        }
        assertEquals(KeyResult.Status.UNCHANGED, report.nicQueues().getStatus());
        assertEquals(before, guestValues());
        System.out.println("[testbed] s2 apply again: " + report.toOutcome().getMessage());
    }

    /**
     * After a reboot, systemd-sysctl brings back the persisted file (nf_conntrack is loaded before it, as on a VR),
     * then the stock /etc/sysctl.conf re-sets nf_conntrack_max to 1,000,000 (cloud-early-config). VR Scale's udev
     * hook also re-applies the net.netfilter keys when udev replays the module's "add" event at coldplug, and that
     * races cloud-early-config: max ends up either at the stock 1,000,000 (the only drift; the lifecycle push
     * restores it) or at the profile's value (no drift, nothing for the push to do). Every other key is in force
     * either way. The virtio_net driver itself starts with min(offered queues, online CPUs) = 2 combined queues,
     * which is what the profile asks for 2 vCPUs.
     */
    @Test
    public void s3RebootKeepsThePersistedValuesAndTheLifecyclePushRestoresTheRest() throws Exception {
        apply();
        long started = System.nanoTime();
        reboot();
        System.out.printf("[testbed] s3 reboot: SSH back after %.0f s%n", (System.nanoTime() - started) / 1e9);
        guest("udevadm settle --timeout=60");

        VrTuningReport verify = verify();

        Set<TuningKey> drifted = EnumSet.noneOf(TuningKey.class);
        for (KeyResult result : verify.toOutcome().getKeys()) {
            if (result.getStatus() == KeyResult.Status.DRIFT) {
                drifted.add(result.getKey());
            } else {
                assertEquals(result.toString(), KeyResult.Status.MATCH, result.getStatus());
            }
        }
        assertNull("the persisted files survived the reboot", verify.fileProblem());
        Map<TuningKey, Long> kernel = guestValues();
        for (TuningKey k : TuningKey.values()) {
            if (k != TuningKey.CONNTRACK_MAX) {
                assertEquals("after reboot: " + k.displayName(), inKernel(k), kernel.get(k));
            }
        }
        boolean stockWon = drifted.contains(TuningKey.CONNTRACK_MAX);
        if (stockWon) {
            assertEquals("drift after reboot: " + verify.json(), EnumSet.of(TuningKey.CONNTRACK_MAX), drifted);
            assertEquals(Long.valueOf(STOCK_CONNTRACK_MAX), kernel.get(TuningKey.CONNTRACK_MAX));
            assertFalse(verify.isOk());
        } else {
            assertEquals("drift after reboot: " + verify.json(), EnumSet.noneOf(TuningKey.class), drifted);
            assertEquals(inKernel(TuningKey.CONNTRACK_MAX), kernel.get(TuningKey.CONNTRACK_MAX));
            assertTrue(verify.json(), verify.isOk());
        }
        System.out.println("[testbed] s3 verify after reboot: " + verify.toOutcome().getMessage() + ", drift "
                + drifted + (stockWon ? " (cloud-early-config's sysctl -p ran last)"
                : " (the udev hook ran after cloud-early-config's sysctl -p)"));

        VrTuningReport push = apply();

        assertTrue(push.json(), push.isOk());
        assertEquals("the push changes max only if it had drifted: " + push.json(), stockWon, push.isChanged());
        for (KeyResult result : push.keys()) {
            boolean pushed = stockWon && result.getKey() == TuningKey.CONNTRACK_MAX;
            assertEquals(result.toString(), pushed ? KeyResult.Status.APPLIED : KeyResult.Status.UNCHANGED,
                    result.getStatus());
        }
        assertEquals("max after the push: " + push.json(), inKernel(TuningKey.CONNTRACK_MAX),
                push.valuesInForce().get(TuningKey.CONNTRACK_MAX));
        VrTuningReport clean = verify();
        assertTrue("verify after the lifecycle push: " + clean.json(), clean.isOk());
        assertEquals(inKernel(TuningKey.CONNTRACK_MAX), guestValues().get(TuningKey.CONNTRACK_MAX));
    }

    @Test
    public void s4HostileInputIsRefusedAndNothingChanges() throws Exception {
        apply();
        Map<String, String> before = guestSnapshot();

        // The command's own validation: out of range, here and after crossing the wire (Gson, as the agent reads it).
        try {
            new VrTuningCommand(TuningMode.APPLY, Collections.singletonList(
                    new VrTuningCommand.Setting(TuningKey.CONNTRACK_MAX, TuningKey.CONNTRACK_MAX.max() + 1)), 0, 0);
            fail("an out-of-range setting was accepted");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains(TuningKey.CONNTRACK_MAX.parameterName()));
        }
        VrTuningCommand fromWire = new Gson().fromJson("{\"mode\":\"APPLY\",\"settings\":[{\"key\":\"NETDEV_BUDGET\","
                + "\"value\":99999}],\"nicQueues\":0,\"sampleSeconds\":0}", VrTuningCommand.class);
        try {
            VrScriptArguments.of(fromWire);
            fail("an out-of-range setting from the wire was turned into arguments");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains(TuningKey.NETDEV_BUDGET.parameterName()));
        }

        // The script refuses, through the runner (which quotes every word) ...
        List<List<String>> hostile = Arrays.asList(
                Arrays.asList("apply", "--set", "net.core.netdev_budget=300;reboot"),
                Arrays.asList("apply", "--set", "kernel.core_pattern=|/bin/sh"),
                Arrays.asList("apply", "--set", "net.core.netdev_budget=0300"),
                Arrays.asList("apply", "--set", "net.core.netdev_budget=300", "--nic-queues", "1$(reboot)"),
                Arrays.asList("apply", "--root", "/tmp", "--set", "net.core.netdev_budget=300", "--set",
                        "net.core.netdev_budget=301"));
        for (List<String> args : hostile) {
            SshTransport.Result result = runner.execute(HOST, args, TIMEOUTS);
            assertRefused(args.toString(), result);
        }
        // ... and raw over SSH, quoted by hand.
        SshTransport.Result raw = transport.run(HOST, port, key,
                "python3 " + VrScript.REMOTE_PATH + " apply --set 'net.core.netdev_budget=300;reboot'", TIMEOUTS);
        assertRefused("raw", raw);

        assertEquals("the guest after hostile input", before, guestSnapshot());
        System.out.println("[testbed] s4 hostile input: " + (hostile.size() + 1) + " runs refused with exit 2, "
                + "guest unchanged");
    }

    @Test
    public void s5DiagnoseReturnsRealCounters() throws Exception {
        apply();
        guest("conntrack -I -p udp -s 192.0.2.1 -d 192.0.2.2 --sport 40000 --dport 53 -t 60 2>&1");
        try {
            SshTransport.Result result = runner.execute(HOST,
                    VrScriptArguments.of(VrTuningCommand.diagnose(1)), TIMEOUTS);
            assertTrue(result.getOutput(), result.isSuccess());
            VrTuningReport report = VrTuningReport.parse(result.getOutput(), TuningMode.DIAGNOSE);
            Map<String, Object> m = report.measurements();

            assertTrue(String.valueOf(m.get("kernel_release")), String.valueOf(m.get("kernel_release"))
                    .startsWith("6.1."));
            assertEquals(2L, m.get("cpus"));
            Map<?, ?> memory = (Map<?, ?>) m.get("memory");
            long memTotalKb = (Long) memory.get("mem_total_kb");
            assertTrue("MemTotal of a 512 MiB guest: " + memTotalKb, memTotalKb > 400_000 && memTotalKb <= 524_288);
            assertNotNull(memory.get("mem_available_kb"));
            Map<?, ?> conntrack = (Map<?, ?>) m.get("conntrack");
            assertTrue("count: " + conntrack, (Long) conntrack.get("count") >= 1);
            assertEquals(inKernel(TuningKey.CONNTRACK_MAX), conntrack.get("max"));
            assertEquals(inKernel(TuningKey.CONNTRACK_BUCKETS), conntrack.get("buckets"));
            assertNotNull(conntrack.get("slab_object_size"));
            assertNotNull(m.get("conntrack_stats"));
            Map<?, ?> softnet = (Map<?, ?>) m.get("softnet");
            assertEquals(2L, softnet.get("cpus"));
            Map<?, ?> sample = (Map<?, ?>) m.get("cpu_sample");
            assertNotNull(sample.get("busy_pct"));
            System.out.println("[testbed] s5 diagnose: conntrack " + conntrack + ", memory " + memory);
        } finally {
            guest("conntrack -D -p udp -s 192.0.2.1 >/dev/null 2>&1 || true");
        }
    }

    /**
     * The boot order of a router whose firewall loads nf_conntrack after systemd-sysctl has run: without the
     * image's preload, the module is not there at boot, so systemd-sysctl skips every net.netfilter key. The
     * modprobe.d option sizes the hash when the module loads, and the udev hook re-applies the sysctl.d file on the
     * module's "add" event. Control: with the hook moved away, a module reload comes up with kernel defaults.
     */
    @Test
    public void s6LateModuleLoadAfterRebootGetsEveryValueBack() throws Exception {
        apply();
        guest("rm -f " + PRELOAD);
        long started = System.nanoTime();
        reboot();
        System.out.printf("[testbed] s6 reboot without the nf_conntrack preload: SSH back after %.0f s%n",
                (System.nanoTime() - started) / 1e9);

        assertEquals("nf_conntrack is not loaded at boot", "absent",
                guest("test -e /sys/module/nf_conntrack && echo loaded || echo absent"));
        long sysctlRanAt = Long.parseLong(guest("systemctl show -P ActiveEnterTimestampMonotonic "
                + "systemd-sysctl.service"));
        assertTrue("systemd-sysctl ran at boot", sysctlRanAt > 0);
        JsonObject pending = rawVerify();
        assertFalse("verify is not ok while keys are pending: " + pending, pending.get("ok").getAsBoolean());
        assertTrue(pending.toString(), pending.get("pending").getAsBoolean());
        for (JsonElement element : pending.getAsJsonArray("keys")) {
            JsonObject entry = element.getAsJsonObject();
            String status = entry.get("status").getAsString();
            boolean netfilter = entry.get("key").getAsString().startsWith("net.netfilter.");
            assertEquals(entry.toString(), netfilter ? "pending" : "match", status);
        }

        // Loaded late, the way a VR's firewall rules load it, long after systemd-sysctl.
        long loadedAt = loadConntrackLikeTheFirewall();
        assertTrue("the module loaded after systemd-sysctl ran", loadedAt > sysctlRanAt);
        Map<TuningKey, Long> kernel = guestValues();
        for (TuningKey k : TuningKey.values()) {
            assertEquals("after the late load: " + k.displayName(), inKernel(k), kernel.get(k));
        }
        assertEquals("hashsize from modprobe.d", Long.valueOf(PROFILE.value(TuningKey.CONNTRACK_BUCKETS)),
                Long.valueOf(guest("cat /sys/module/nf_conntrack/parameters/hashsize")));
        VrTuningReport verify = verify();
        assertTrue("verify after the late load: " + verify.json(), verify.isOk());
        System.out.printf("[testbed] s6 nf_conntrack loaded %.1f s after systemd-sysctl ran; every value back: %s%n",
                (loadedAt - sysctlRanAt) / 1e6, kernel);

        // Control: the hook is what brought the sysctls back. udevd looks for changed rules at most every 3 s, so
        // each move is followed by a reload.
        guest("mv " + HOOK_FILE + " /root/hook.saved && udevadm control --reload");
        try {
            unloadConntrack();
            loadConntrackLikeTheFirewall();
            assertEquals("without the hook: kernel default established timeout", Long.valueOf(432_000L),
                    Long.valueOf(guest("sysctl -n net.netfilter.nf_conntrack_tcp_timeout_established")));
            assertEquals("without the hook, hashsize still comes from modprobe.d",
                    Long.valueOf(PROFILE.value(TuningKey.CONNTRACK_BUCKETS)),
                    Long.valueOf(guest("cat /sys/module/nf_conntrack/parameters/hashsize")));
        } finally {
            guest("mv /root/hook.saved " + HOOK_FILE + " && udevadm control --reload");
        }
        unloadConntrack();
        loadConntrackLikeTheFirewall();
        assertEquals(kernel, guestValues());
        guest("echo nf_conntrack > " + PRELOAD);
    }

    /** remove puts back at once what the guest had before the first apply and deletes every file VR Scale wrote. */
    @Test
    public void s7RemoveRestoresTheValuesFromBeforeVrScale() throws Exception {
        apply();
        assertNotNull("s1 recorded the values before VR Scale", beforeVrScale);

        SshTransport.Result result = runner.run(HOST, VrScriptArguments.of(VrTuningCommand.remove()), TIMEOUTS);
        VrTuningReport report = VrTuningReport.parse(result.getOutput(), TuningMode.REMOVE);

        assertTrue(report.json(), report.isOk());
        assertTrue(report.isChanged());
        Map<TuningKey, Long> kernel = guestValues();
        for (TuningKey k : TuningKey.values()) {
            if (k.isSysctl()) {
                assertEquals("after remove: " + k.displayName(), beforeVrScale.get(k), kernel.get(k));
            }
        }
        assertEquals("absent", guest("ls " + PERSISTED + " " + MODPROBE_FILE + " " + HOOK_FILE + " " + RECORD_FILE
                + " >/dev/null 2>&1 && echo present || echo absent"));
        System.out.println("[testbed] s7 remove: back to " + kernel);
    }

    /**
     * The budget still limits: a table explicitly too big for the guest's 512 MiB is cut to what
     * {@link ConntrackBudget} allows for the guest's memory, reported "limited" (delivered, with a warning), and
     * verify counts the allowed values as in force. remove then leaves the guest as s7 did.
     */
    @Test
    public void s8OversizedTableIsLimitedToTheGuestsBudget() throws Exception {
        KernelTuning oversized = PROFILE
                .with(new TuningValue(TuningKey.CONNTRACK_MAX, OVERSIZED, TuningValue.Source.OVERRIDE, "s8", 0))
                .with(new TuningValue(TuningKey.CONNTRACK_BUCKETS, OVERSIZED, TuningValue.Source.OVERRIDE, "s8", 0));
        ConntrackBudget budget = ConntrackBudget.of(guestMemoryBytes, ASSUMPTIONS.getConntrackMemoryFraction(),
                ASSUMPTIONS.getBytesPerConntrackEntry(), OVERSIZED, OVERSIZED);
        assertFalse(budget.describe(), budget.fits());
        Map<TuningKey, Long> allowed = Map.of(TuningKey.CONNTRACK_MAX, budget.getAllowedMax(),
                TuningKey.CONNTRACK_BUCKETS, budget.getAllowedBuckets());

        VrTuningReport report = deliver(budgeted(VrTuningCommand.apply(oversized)), TuningMode.APPLY);

        assertTrue(report.json(), report.isOk());
        assertTrue("limited is delivered: " + report.toOutcome(), report.toOutcome().isOk());
        assertEquals(report.json(), allowed, report.budgetLimits());
        for (TuningKey k : allowed.keySet()) {
            KeyResult result = report.keys().stream().filter(r -> r.getKey() == k).findFirst().orElseThrow();
            assertEquals(result.toString(), KeyResult.Status.LIMITED, result.getStatus());
            assertEquals(Long.valueOf(OVERSIZED), result.getRequested());
        }
        JsonObject json = JsonParser.parseString(report.json()).getAsJsonObject();
        assertTrue("top-level limited: " + report.json(), json.get("limited").getAsBoolean());
        assertBudgetMemory(json);
        Map<TuningKey, Long> kernel = guestValues();
        assertEquals(allowed.get(TuningKey.CONNTRACK_MAX), kernel.get(TuningKey.CONNTRACK_MAX));
        assertEquals(allowed.get(TuningKey.CONNTRACK_BUCKETS), kernel.get(TuningKey.CONNTRACK_BUCKETS));
        assertEquals(allowed.get(TuningKey.CONNTRACK_BUCKETS),
                Long.valueOf(guest("cat /sys/module/nf_conntrack/parameters/hashsize")));

        VrTuningReport verify = deliver(budgeted(VrTuningCommand.verify(oversized)), TuningMode.VERIFY);

        assertTrue(verify.json(), verify.isOk());
        assertEquals(verify.json(), allowed, verify.budgetLimits());
        System.out.println("[testbed] s8 oversized " + OVERSIZED + "/" + OVERSIZED + ": " + budget.describe()
                + "; apply " + report.toOutcome().getMessage());

        SshTransport.Result removed = runner.run(HOST, VrScriptArguments.of(VrTuningCommand.remove()), TIMEOUTS);
        assertTrue(removed.getOutput(), VrTuningReport.parse(removed.getOutput(), TuningMode.REMOVE).isOk());
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Adds an iptables conntrack rule (loads xt_conntrack and nf_conntrack); returns when it loaded (monotonic us). */
    private static long loadConntrackLikeTheFirewall() throws Exception {
        guest("iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT && udevadm settle --timeout=60");
        String uptime = guest("cat /proc/uptime").split("\\s+")[0];
        return (long) (Double.parseDouble(uptime) * 1e6);
    }

    private static void unloadConntrack() throws Exception {
        guest("iptables -F INPUT && modprobe -r xt_conntrack nf_conntrack && test ! -e /sys/module/nf_conntrack");
    }

    /** verify run raw: its report may hold "pending", a status newer than this build's report reader. */
    private static JsonObject rawVerify() throws Exception {
        SshTransport.Result result = runner.execute(HOST, VrScriptArguments.of(VrTuningCommand.verify(PROFILE)),
                TIMEOUTS);
        String[] lines = result.getOutput().trim().split("\n");
        return JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
    }

    /** The budget of the profile on this guest, by the core's rule (the one the script is tested against). */
    private static ConntrackBudget profileBudget() {
        return ConntrackBudget.of(guestMemoryBytes, ASSUMPTIONS.getConntrackMemoryFraction(),
                ASSUMPTIONS.getBytesPerConntrackEntry(), PROFILE.value(TuningKey.CONNTRACK_MAX),
                PROFILE.value(TuningKey.CONNTRACK_BUCKETS));
    }

    /** The report's budget was computed from the guest's memory blocks, and says so. */
    private static void assertBudgetMemory(JsonObject report) {
        JsonObject budget = report.getAsJsonObject("budget");
        assertEquals(budget.toString(), "memory blocks", budget.get("memory_source").getAsString());
        assertEquals(budget.toString(), guestMemoryBytes, budget.get("memory_bytes").getAsLong());
        assertEquals(budget.toString(), memTotalBytes, budget.get("mem_total_bytes").getAsLong());
        assertTrue(budget.toString(), budget.get("memory_fallback").isJsonNull());
    }

    /** The zone defaults, sent explicitly as the management server sends them. */
    private static VrTuningCommand budgeted(VrTuningCommand command) {
        return command.withConntrackBudget(ASSUMPTIONS.getConntrackMemoryFraction(),
                ASSUMPTIONS.getBytesPerConntrackEntry());
    }

    private static VrTuningReport apply() throws Exception {
        return deliver(VrTuningCommand.apply(PROFILE), TuningMode.APPLY);
    }

    private static VrTuningReport verify() throws Exception {
        return deliver(VrTuningCommand.verify(PROFILE), TuningMode.VERIFY);
    }

    /** What the wrapper does: install the bundled script, run it with the command's arguments, read the report. */
    private static VrTuningReport deliver(VrTuningCommand command, TuningMode mode) throws Exception {
        SshTransport.Result result = runner.run(HOST, VrScriptArguments.of(command), TIMEOUTS);
        return VrTuningReport.parse(result.getOutput(), mode);
    }

    private static void assertRefused(String what, SshTransport.Result result) {
        assertFalse(what + ": " + result.getOutput(), result.isSuccess());
        assertEquals(what + ": exit status (2 = refused) " + result.getOutput(), 2, transport.lastExitStatus());
        VrTuningReport report = VrTuningReport.parse(result.getOutput(), TuningMode.APPLY);
        assertFalse(report.isOk());
        assertNotNull(report.json(), report.error());
    }

    /** The value the guest kernel holds for a key when the profile is in force (hashsize rounds up to 512). */
    private static Long inKernel(TuningKey key) {
        long value = PROFILE.value(key);
        return key == TuningKey.CONNTRACK_BUCKETS ? (value + 511) / 512 * 512 : value;
    }

    /** Every setting as the guest kernel holds it: sysctl -n, and ethtool -l combined for the NIC (one SSH call). */
    private static Map<TuningKey, Long> guestValues() throws Exception {
        StringBuilder command = new StringBuilder("sysctl -n");
        for (TuningKey k : TuningKey.values()) {
            if (k.isSysctl()) {
                command.append(' ').append(k.sysctlName());
            }
        }
        String[] lines = guest(command.append(" && ethtool -l ").append(NIC).toString()).split("\n");
        Map<TuningKey, Long> values = new TreeMap<>();
        int line = 0;
        for (TuningKey k : TuningKey.values()) {
            if (k.isSysctl()) {
                values.put(k, Long.valueOf(lines[line++].trim()));
            }
        }
        values.put(TuningKey.NIC_QUEUES, (long) combinedQueues(String.join("\n",
                Arrays.asList(lines).subList(line, lines.length))));
        return values;
    }

    /** Everything hostile input could touch: the values, hashsize, the persisted file, the boot. */
    private static Map<String, String> guestSnapshot() throws Exception {
        Map<String, String> snapshot = new TreeMap<>();
        guestValues().forEach((k, v) -> snapshot.put(k.displayName(), Long.toString(v)));
        snapshot.put("hashsize", guest("cat /sys/module/nf_conntrack/parameters/hashsize"));
        snapshot.put("persisted file", guest("sha256sum " + PERSISTED));
        snapshot.put("boot", guest("cat /proc/sys/kernel/random/boot_id"));
        snapshot.put("kernel.core_pattern", guest("sysctl -n kernel.core_pattern"));
        return snapshot;
    }

    private static int guestCombinedQueues() throws Exception {
        return combinedQueues(guest("ethtool -l " + NIC));
    }

    private static int combinedQueues(String out) {
        Matcher current = Pattern.compile("(?s)Current hardware settings:.*?Combined:\\s*(\\d+)").matcher(out);
        assertTrue(out, current.find());
        return Integer.parseInt(current.group(1));
    }

    /** Runs a command in the guest over the same transport; fails on a non-zero exit. Output trimmed. */
    private static String guest(String command) throws Exception {
        SshTransport.Result result = transport.run(HOST, port, key, command, TIMEOUTS);
        assertTrue(command + ": " + result.getOutput(), result.isSuccess());
        return result.getOutput().trim();
    }

    private static void reboot() throws Exception {
        String bootId = guest("cat /proc/sys/kernel/random/boot_id");
        // Detached, so that the SSH session ends now rather than when the guest drops it.
        guest("nohup sh -c 'sleep 1; systemctl reboot' >/dev/null 2>&1 &");
        long deadline = System.nanoTime() + REBOOT_TIMEOUT_SECONDS * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            SshTransport.Result result = transport.run(HOST, port, key, "cat /proc/sys/kernel/random/boot_id",
                    new SshTimeouts(5_000, 5_000, 10_000));
            if (result.isSuccess() && !result.getOutput().trim().isEmpty()
                    && !bootId.equals(result.getOutput().trim())) {
                assertNotEquals(bootId, result.getOutput().trim());
                runner.install(HOST, TIMEOUTS); // the same bytes; the file survived anyway
                return;
            }
            Thread.sleep(2_000);
        }
        fail("the VM did not come back within " + REBOOT_TIMEOUT_SECONDS + " s of the reboot");
    }

    private static void waitForSsh(int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        String last = "";
        while (System.nanoTime() < deadline) {
            SshTransport.Result result = transport.run(HOST, port, key, "true", new SshTimeouts(5_000, 5_000, 10_000));
            if (result.isSuccess()) {
                return;
            }
            last = result.getOutput();
            Thread.sleep(2_000);
        }
        fail("no SSH on " + HOST + ":" + port + " within " + seconds + " s: " + last);
    }

    private static void printSerialTail(String where) {
        if (serialLog == null || !serialLog.isFile()) {
            System.err.println("[testbed] " + where + " failed; no serial log at " + serialLog);
            return;
        }
        try {
            List<String> lines = Files.readAllLines(serialLog.toPath(), StandardCharsets.ISO_8859_1);
            System.err.println("[testbed] " + where + " failed; last lines of " + serialLog + ":");
            lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(l -> System.err.println("  | " + l));
        } catch (Exception e) {
            System.err.println("[testbed] cannot read " + serialLog + ": " + e);
        }
    }
}
