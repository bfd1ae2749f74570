package org.apache.cloudstack.vrscaling.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.google.gson.Gson;

import org.junit.Test;

public class VrScaleCliTest {
    private String out;
    private String err;

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = VrScaleCli.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    public void planForTheDefaultVrShowsCloudStackNextToTheProfile() {
        assertEquals(0, run("plan", "--memory", "512", "--cpus", "1"));
        assertTrue(out, out.contains("CLOUDSTACK DEFAULT"));
        assertTrue(out, out.matches("(?s).*net\\.netfilter\\.nf_conntrack_max\\s+1,000,000\\s+328,704.*"));
        assertTrue(out, out.matches("(?s).*net\\.netfilter\\.nf_conntrack_buckets\\s+4,096\\s+328,704.*"));
        assertTrue(out, out.matches("(?s).*average hash chain when full\\s+488\\.3\\s+2\\.0.*"));
        assertTrue(out, out.contains("DOES NOT FIT, LONG CHAINS"));
        assertTrue(out, out.contains("What is wrong with CloudStack's default VR"));
        assertEquals("", err);
    }

    @Test
    public void jsonOutputCarriesTheSameNumbers() {
        assertEquals(0, run("plan", "--memory=2048", "--cpus=2", "--output", "json"));
        @SuppressWarnings("unchecked")
        Map<String, Object> root = new Gson().fromJson(out, Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> profile = (Map<String, Object>) root.get("profile");
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((java.util.List<Map<String, Object>>) profile.get("values")).get(0);
        assertEquals("conntrackmax", first.get("name"));
        assertEquals(1_315_840.0, (Double) first.get("value"), 0.0);
        assertTrue(((String) first.get("why")).length() > 20);
    }

    @Test
    public void workloadModeRecommendsASizeAndPlansIt() {
        assertEquals(0, run("plan", "--connections", "500000", "--gbps", "2", "--ipsec-tunnels", "20"));
        assertTrue(out, out.contains("Recommended size: xlarge (8 vCPU x 2000 MHz, 8192 MiB)"));
        assertTrue(out, out.contains("VR Scale plan for a router of 8 vCPU x 2000 MHz, 8192 MiB"));
    }

    @Test
    public void explicitValuesAreMarkedAndWin() {
        assertEquals(0, run("plan", "--set", "conntrackmax=500000"));
        assertTrue(out, out.matches("(?s).*nf_conntrack_max\\s+1,000,000\\s+500,000\\*.*"));
    }

    @Test
    public void anOverBudgetTableShowsTheSameLargestMaxAsTheApiAndTheScript() {
        // The first shared budget vector: 256 MiB, 25 %, 400 B per entry.
        assertEquals(0, run("plan", "--memory", "256", "--set", "conntrackmax=67108864",
                "--set", "conntrackbuckets=16777216"));
        assertTrue(out, out.matches("(?s).*largest max within budget\\s+.*166,942 / 41,472 buckets.*"));
        assertTrue(out, out.contains("conntrackmax=166942 with conntrackbuckets=41472"));
        assertEquals(0, run("plan", "--memory", "256", "--set", "conntrackmax=67108864",
                "--set", "conntrackbuckets=16777216", "--output", "json"));
        @SuppressWarnings("unchecked")
        Map<String, Object> profile = (Map<String, Object>) new Gson().fromJson(out, Map.class).get("profile");
        @SuppressWarnings("unchecked")
        Map<String, Object> table = (Map<String, Object>) profile.get("fullTable");
        assertEquals(Boolean.FALSE, table.get("fits"));
        assertEquals(166_942.0, (Double) table.get("allowedMax"), 0.0);
        assertEquals(67_108_864.0, (Double) table.get("budgetBytes"), 0.0);
    }

    @Test
    public void renderSysctlAndCloudConfig() {
        assertEquals(0, run("render", "--format", "sysctl", "--memory", "2048", "--cpus", "2"));
        assertTrue(out, out.contains("net.netfilter.nf_conntrack_max = 1315840\n"));
        assertEquals(0, run("render", "--format", "cloud-config", "--memory", "2048", "--cpus", "2"));
        assertTrue(out.startsWith("#cloud-config\n"));
        assertTrue(out, out.contains("combined 2"));
    }

    @Test
    public void badArgumentsGiveOneLineAndExitCode2() {
        String[][] bad = {
            {"plan", "--memory", "abc"},
            {"plan", "--memory", "100"},
            {"plan", "--cpus", "0"},
            {"plan", "--memory", "512", "--connections", "10"},
            {"plan", "--bogus", "1"},
            {"plan", "--memory"},
            {"plan", "--output", "xml"},
            {"plan", "--kernel", "ancient"},
            {"plan", "--set", "kernel.panic=0"},
            {"plan", "--set", "netdevbudget=1e3"},
            {"plan", "--gbps", "-1"},
            {"render"},
            {"render", "--format", "yaml"},
            {"frobnicate"},
        };
        for (String[] args : bad) {
            assertEquals(String.join(" ", args), 2, run(args));
            assertTrue(err, err.startsWith("vrscale: error: "));
            assertEquals("one line only: " + err, 1, err.trim().split("\n").length);
            assertFalse(err, err.contains("Exception"));
            assertEquals("", out);
        }
    }

    @Test
    public void noArgumentsPrintsUsageAndExits2() {
        assertEquals(2, run());
        assertTrue(out.startsWith("usage: vrscale plan"));
    }
}
