package org.apache.cloudstack.vrscaling.agent.delivery;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.cloudstack.vrscaling.agent.VrScript;
import org.apache.cloudstack.vrscaling.agent.VrTuningCommand;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.apache.cloudstack.vrscaling.core.tuning.TuningMode;
import org.junit.Before;
import org.junit.Test;

import com.cloud.agent.api.Answer;
import com.cloud.utils.ExecutionResult;

/** The one routine through a hypervisor resource's VirtualRouterDeployer, as the XenServer wrapper runs it. */
public class VrDeliveryTest {
    private static final String IP = "169.254.3.7";
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";
    private static final String TEMP = "/opt/cloud/bin/.vr_scaling.tmp/vr_scaling.py." + TOKEN;

    private RecordingDeployer deployer;
    private VrDelivery delivery;

    @Before
    public void setUp() {
        deployer = new RecordingDeployer(StandardCharsets.UTF_8);
        delivery = new VrDelivery(VrScript.bundled(), () -> TOKEN);
    }

    private Answer deliver(VrTuningCommand command) {
        return delivery.deliver(command, ip -> new DeployerChannel(deployer, ip, "through the test deployer"));
    }

    private static VrTuningCommand apply() {
        return new VrTuningCommand(TuningMode.APPLY, Arrays.asList(
                new VrTuningCommand.Setting(TuningKey.CONNTRACK_MAX, 262_144),
                new VrTuningCommand.Setting(TuningKey.NETDEV_BUDGET, 600)), 2, 0)
                .withConntrackBudget(0.3, 320).forRouter(IP, "r-42-VM");
    }

    @Test
    public void applyInstallsAChecksummedCopyThenRunsTheScriptWithPlainWordArguments() throws Exception {
        deployer.scriptOutput = fixture("apply-ok.json");

        Answer answer = deliver(apply());

        assertTrue(answer.getDetails(), answer.getResult());
        assertEquals(List.of(
                IP + " exec ../../../bin/mkdir -p /opt/cloud/bin/.vr_scaling.tmp [60000 ms]",
                IP + " exec ../../../usr/bin/find /opt/cloud/bin/.vr_scaling.tmp -maxdepth 1 -type f -mmin +60 -delete"
                        + " [60000 ms]",
                IP + " create /opt/cloud/bin/.vr_scaling.tmp/ vr_scaling.py." + TOKEN,
                IP + " exec ../../../usr/bin/sha256sum " + TEMP + " [60000 ms]",
                IP + " exec ../../../bin/chmod 0755 " + TEMP + " [60000 ms]",
                IP + " exec ../../../bin/mv -f " + TEMP + " /opt/cloud/bin/vr_scaling.py [60000 ms]",
                IP + " exec vr_scaling.py apply --set net.netfilter.nf_conntrack_max=262144"
                        + " --set net.core.netdev_budget=600 --nic-queues 2 --memory-fraction 0.3"
                        + " --bytes-per-entry 320 [120000 ms]"), deployer.calls);
        assertArrayEquals(VrScript.bundled().bytes(), deployer.files.get(VrScript.REMOTE_PATH));
        assertEquals(1, deployer.files.size());
    }

    @Test
    public void diagnoseWaitsForItsSampleOnTopOfTheScriptTimeout() throws Exception {
        deployer.scriptOutput = fixture("diagnose.json");

        Answer answer = deliver(VrTuningCommand.diagnose(5).forRouter(IP, "r-42-VM"));

        assertTrue(answer.getDetails(), answer.getResult());
        assertEquals(IP + " exec vr_scaling.py diagnose --sample-seconds 5 [125000 ms]",
                deployer.calls.get(deployer.calls.size() - 1));
    }

    @Test
    public void aCopyChangedOnTheWayIsRemovedTheOldScriptStaysAndNothingRuns() {
        deployer.files.put(VrScript.REMOTE_PATH, "old".getBytes(StandardCharsets.UTF_8));
        deployer.truncate = true;

        Answer answer = deliver(apply());

        assertFalse(answer.getResult());
        assertTrue(answer.getDetails(), answer.getDetails().startsWith("vr-scaling apply on router 'r-42-VM' ('"
                + IP + "'): cannot copy /opt/cloud/bin/vr_scaling.py through the test deployer (IOException: "
                + "vr_scaling.py copy has SHA-256 '"));
        assertTrue(answer.getDetails(), answer.getDetails().contains("expected " + VrScript.bundled().sha256()));
        assertEquals("old", new String(deployer.files.get(VrScript.REMOTE_PATH), StandardCharsets.UTF_8));
        assertFalse(deployer.files.containsKey(TEMP));
        assertTrue(deployer.calls.contains(IP + " exec ../../../bin/rm -f " + TEMP + " [60000 ms]"));
        assertTrue(deployer.calls.stream().noneMatch(c -> c.contains("bin/mv") || c.contains("exec vr_scaling.py")));
    }

    @Test
    public void aFailedCopyIsAFailedAnswerQuotingTheDeployer() {
        deployer.copyResult = new ExecutionResult(false, "scp VR config file into host failed");

        Answer answer = deliver(apply());

        assertFalse(answer.getResult());
        assertEquals("vr-scaling apply on router 'r-42-VM' ('" + IP + "'): cannot copy /opt/cloud/bin/vr_scaling.py"
                + " through the test deployer (IOException: copying vr_scaling.py to " + TEMP + " failed: scp VR config"
                + " file into host failed)", answer.getDetails());
        assertTrue(deployer.calls.stream().noneMatch(c -> c.contains("exec vr_scaling.py")));
    }

    @Test
    public void aScriptFailureWithoutAReportIsAFailedAnswer() {
        deployer.scriptSucceeds = false;
        deployer.scriptOutput = "/usr/bin/env: 'python3': No such file or directory";

        Answer answer = deliver(apply());

        assertFalse(answer.getResult());
        assertTrue(answer.getDetails(), answer.getDetails().contains("the script failed without a readable report"));
    }

    @Test
    public void aResourceThatReturnsNothingIsAFailedAnswer() {
        VrDelivery routine = new VrDelivery(VrScript.bundled(), () -> TOKEN);
        DeployerChannel silent = new DeployerChannel(new RecordingDeployer(StandardCharsets.UTF_8) {
            @Override
            public ExecutionResult executeInVR(String routerIp, String script, String args,
                                               org.joda.time.Duration timeout) {
                return null;
            }
        }, IP, "through a silent deployer");

        Answer answer = routine.deliver(apply(), ip -> silent);

        assertFalse(answer.getResult());
        assertTrue(answer.getDetails(), answer.getDetails().contains("the hypervisor resource returned no result"));
    }

    @Test
    public void hostileRouterAddressesNeverReachTheDeployer() {
        for (String ip : new String[] {"1.2.3.4; reboot", "$(id)", "router.example.com", "", null}) {
            Answer answer = deliver(VrTuningCommand.remove().forRouter(ip, "r-42-VM"));

            assertFalse(answer.getResult());
            assertTrue(answer.getDetails(), answer.getDetails().contains("not an IPv4/IPv6 literal"));
        }
        assertEquals(List.of(), deployer.calls);
    }

    @Test
    public void onlyPlainWordsArePassedToTheRouterShells() {
        for (String word : new String[] {"apply", "--set", "net.core.netdev_budget=600", "0.3", "+60", TEMP}) {
            assertTrue(word, VrDelivery.isPlainWord(word));
        }
        for (String word : new String[] {"a b", "$(id)", "`id`", "x;y", "*", "?", "'", "\"", "a|b", "a>b", "", null,
            "a\nb", "~root"}) {
            assertFalse(word, VrDelivery.isPlainWord(word));
        }
    }

    @Test
    public void theRoutineNeverHandsAWordThatIsNotPlainToAChannel() {
        DeployerChannel channel = new DeployerChannel(deployer, IP, "through the test deployer");
        for (String hostile : new String[] {"1$(reboot)", "a b", "x;y", "*"}) {
            try {
                delivery.execute(channel, Arrays.asList("apply", hostile), 1_000);
                throw new AssertionError("passed " + hostile);
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains("is not a plain word"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        assertEquals(List.of(), deployer.calls);
    }

    @Test
    public void theChecksumIsReadOnlyFromSha256sumsLineForThisCopy() {
        String sha = "ab".repeat(32);
        assertEquals(sha, VrDelivery.sha256Of(sha + "  " + TEMP + "\n", TEMP));
        assertEquals(sha, VrDelivery.sha256Of("Warning: banner\n" + sha + " *" + TEMP + "\n", TEMP));
        assertEquals("(none)", VrDelivery.sha256Of(sha + "  /opt/cloud/bin/other\n", TEMP));
        assertEquals("(none)", VrDelivery.sha256Of("sha256sum: " + TEMP + ": No such file or directory", TEMP));
        assertEquals("(none)", VrDelivery.sha256Of(null, TEMP));
    }

    @Test
    public void aBadInstallTokenNeverNamesAFile() {
        for (String token : new String[] {"x; reboot", "../../etc", "", "ABCDEF0123456789"}) {
            try {
                VrDelivery.tempPath(token);
                throw new AssertionError("accepted " + token);
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().contains("bad install token"));
            }
        }
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = VrDeliveryTest.class.getResourceAsStream("/org/apache/cloudstack/vrscaling/agent/"
                + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
