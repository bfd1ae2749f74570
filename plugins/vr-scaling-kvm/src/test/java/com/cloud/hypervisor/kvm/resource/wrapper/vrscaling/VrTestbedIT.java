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
import org.apache.cloudstack.vrscaling.core.sizing.KernelTuning;
import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.apache.cloudstack.vrscaling.core.tuning.KeyResult;
import org.apache.cloudstack.vrscaling.core.tuning.TuningMode;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.junit.runners.MethodSorters;

import com.google.gson.Gson;

/**
 * End to end against the real-kernel testbed VM (testbed/, Debian 12, kernel 6.1, 512 MiB, 2 vCPUs, a 2-queue
 * virtio NIC): the KVM wrapper's own delivery path ({@link VrScriptRunner}, {@link VrScriptArguments},
 * {@link VrTuningReport}) with {@link OpenSshTransport} instead of CloudStack's SshHelper, the real script, and every
 * value read back from the guest kernel.
 *
 * <p>Runs only when {@code -Dvrscaling.testbed.port=N} is given (testbed/start-vm.sh forwards 127.0.0.1:N to the
 * guest's port 3922); {@code vrscaling.testbed.key} and {@code vrscaling.testbed.serial} default to the testbed's
 * build output. The methods run in name order and share the one VM; s3 reboots it.
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

    /** The profile for the testbed's size: 2 vCPUs, 512 MiB. */
    private static final KernelTuning PROFILE = new SizingModel(SizingAssumptions.defaults())
            .derive(new RouterSize(2, 2000, 512));

    private static OpenSshTransport transport;
    private static File key;
    private static int port;
    private static File serialLog;
    private static VrScriptRunner runner;

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
        } catch (Exception | AssertionError e) {
            printSerialTail("connect");
            throw e;
        }
        System.out.println("[testbed] kernel " + guest("uname -r") + ", profile " + PROFILE.sysctls()
                + ", nic queues " + PROFILE.value(TuningKey.NIC_QUEUES));
    }

    @Test
    public void s1ApplyLandsInTheGuestKernel() throws Exception {
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

        String persisted = guest("cat " + PERSISTED);
        for (TuningKey k : TuningKey.values()) {
            if (k.isSysctl()) {
                assertTrue(persisted, (persisted + "\n").contains(k.sysctlName() + " = " + PROFILE.value(k) + "\n"));
            }
        }
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
     * then the stock /etc/sysctl.conf re-sets nf_conntrack_max to 1,000,000 (cloud-early-config). The virtio_net
     * driver itself starts with min(offered queues, online CPUs) = 2 combined queues, which is what the profile
     * asks for 2 vCPUs. So verify reports exactly one drift, and the lifecycle push (apply) restores it.
     */
    @Test
    public void s3RebootKeepsThePersistedValuesAndTheLifecyclePushRestoresTheRest() throws Exception {
        apply();
        long started = System.nanoTime();
        reboot();
        System.out.printf("[testbed] s3 reboot: SSH back after %.0f s%n", (System.nanoTime() - started) / 1e9);

        VrTuningReport verify = verify();

        Set<TuningKey> drifted = EnumSet.noneOf(TuningKey.class);
        for (KeyResult result : verify.toOutcome().getKeys()) {
            if (result.getStatus() == KeyResult.Status.DRIFT) {
                drifted.add(result.getKey());
            } else {
                assertEquals(result.toString(), KeyResult.Status.MATCH, result.getStatus());
            }
        }
        assertEquals("drift after reboot: " + verify.json(), EnumSet.of(TuningKey.CONNTRACK_MAX), drifted);
        assertFalse(verify.isOk());
        assertNull("the persisted file survived the reboot", verify.fileProblem());
        Map<TuningKey, Long> kernel = guestValues();
        assertEquals(Long.valueOf(STOCK_CONNTRACK_MAX), kernel.get(TuningKey.CONNTRACK_MAX));
        for (TuningKey k : TuningKey.values()) {
            if (k != TuningKey.CONNTRACK_MAX) {
                assertEquals("after reboot: " + k.displayName(), inKernel(k), kernel.get(k));
            }
        }
        System.out.println("[testbed] s3 verify after reboot: " + verify.toOutcome().getMessage() + ", drift "
                + drifted);

        VrTuningReport push = apply();

        assertTrue(push.json(), push.isOk());
        assertTrue(push.isChanged());
        for (KeyResult result : push.keys()) {
            assertEquals(result.toString(), result.getKey() == TuningKey.CONNTRACK_MAX
                    ? KeyResult.Status.APPLIED : KeyResult.Status.UNCHANGED, result.getStatus());
        }
        VrTuningReport clean = verify();
        assertTrue("verify after the lifecycle push: " + clean.json(), clean.isOk());
        assertEquals(Long.valueOf(PROFILE.value(TuningKey.CONNTRACK_MAX)), guestValues().get(TuningKey.CONNTRACK_MAX));
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
            assertEquals(PROFILE.value(TuningKey.CONNTRACK_MAX), conntrack.get("max"));
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

    // ---------------------------------------------------------------------------------------------------------

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
