package com.cloud.hypervisor.kvm.resource.wrapper.vrscaling;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.cloudstack.vrscaling.agent.VrScript;
import org.apache.cloudstack.vrscaling.agent.VrTuningCommand;
import org.apache.cloudstack.vrscaling.agent.VrTuningReport;
import org.apache.cloudstack.vrscaling.agent.delivery.VrDelivery;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.apache.cloudstack.vrscaling.core.tuning.TuningMode;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.cloud.agent.api.Answer;

/**
 * The remote commands through a real POSIX shell and the real script, with only SSH replaced: the "router" is a
 * temporary root directory with its own opt/cloud/bin and this host's /bin and /usr linked in, so the install steps
 * reach the system tools through /opt/cloud/bin/../../.. exactly as in a router. Only read-only modes (verify, diagnose) run on this host.
 */
public class LocalShellScriptTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path root;
    private Path bin;

    /** Copies into the temporary root and runs the command with /opt/cloud/bin pointing into it. */
    private static final SshTimeouts TIMEOUTS = new SshTimeouts(1_000, 1_000, 60_000);

    private class LocalShellTransport implements SshTransport {
        @Override
        public void copy(String host, int port, File keyFile, String remoteDir, String fileName, byte[] content,
                         String mode, SshTimeouts timeouts) throws Exception {
            assertEquals(VrDelivery.TEMP_DIR, remoteDir);
            assertEquals("0755", mode);
            Path target = bin.resolve(".vr_scaling.tmp").resolve(fileName);
            Files.write(target, content);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        @Override
        public Result run(String host, int port, File keyFile, String command, SshTimeouts timeouts) throws Exception {
            return shell(command.replace(VrScript.REMOTE_DIR, bin.toString()));
        }
    }

    @Before
    public void setUp() throws Exception {
        assumeTrue("needs /bin/sh", new File("/bin/sh").canExecute());
        assumeTrue("needs python3", shell("python3 -c 'import sys; sys.exit(sys.version_info < (3, 9))'")
                .isSuccess());
        root = folder.newFolder("router").toPath();
        bin = Files.createDirectories(root.resolve("opt/cloud/bin"));
        Files.createSymbolicLink(root.resolve("bin"), new File("/bin").toPath());
        Files.createSymbolicLink(root.resolve("usr"), new File("/usr").toPath());
    }

    @Test
    public void shellSplitsTheQuotedCommandIntoExactlyTheArguments() throws Exception {
        List<String> args = Arrays.asList("apply", "it's", "$(id)", "`id`", "a b", "; reboot", "\"", "'", "");
        String command = VrScriptRunner.remoteCommand(args)
                .replace(VrScript.REMOTE_PATH, "printf '%s\\n'");

        SshTransport.Result result = shell(command);

        assertTrue(result.isSuccess());
        assertEquals(String.join("\n", args) + "\n", result.getOutput());
    }

    @Test
    public void verifyRunsTheRealScriptAndAnswersWithItsReport() throws Exception {
        assumeTrue("needs /proc/sys/net/core/netdev_budget", new File("/proc/sys/net/core/netdev_budget").canRead());
        // One buffered read: a sysctl file read byte by byte (as Files.readAllBytes starts) ends after one digit.
        long budget = Long.parseLong(Files.readAllLines(new File("/proc/sys/net/core/netdev_budget").toPath(),
                StandardCharsets.US_ASCII).get(0).trim());
        VrTuningCommand command = new VrTuningCommand(TuningMode.VERIFY,
                Arrays.asList(new VrTuningCommand.Setting(TuningKey.NETDEV_BUDGET, budget)), 0, 0)
                .forRouter("127.0.0.1", "r-local-VM");
        LibvirtVrTuningCommandWrapper wrapper = new LibvirtVrTuningCommandWrapper(new LocalShellTransport(),
                new File("unused"), VrScript.bundled());

        Answer answer = wrapper.execute(command, null);

        // No persisted file on this host, so verify is not ok, but it is a real report with the value in force.
        VrTuningReport report = VrTuningReport.parse(answer.getDetails(), TuningMode.VERIFY);
        assertEquals(report.isOk(), answer.getResult());
        assertEquals(VrScript.bundled().version(), report.version());
        assertEquals(Long.valueOf(budget), report.valuesInForce().get(TuningKey.NETDEV_BUDGET));
    }

    @Test
    public void installThroughARealShellRenamesACheckedCopyOverTheScriptAndLeavesNoTemporaryFile() throws Exception {
        Files.write(bin.resolve(VrScript.FILE_NAME), "old script".getBytes(StandardCharsets.UTF_8));
        VrScriptRunner runner = new VrScriptRunner(new LocalShellTransport(), new File("unused"), 3922,
                VrScript.bundled());

        runner.install("127.0.0.1", TIMEOUTS);

        assertArrayEquals(VrScript.bundled().bytes(), Files.readAllBytes(bin.resolve(VrScript.FILE_NAME)));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                bin.resolve(VrScript.FILE_NAME))));
        assertEquals(List.of(".vr_scaling.tmp", VrScript.FILE_NAME), listing(bin));
        assertEquals(List.of(), listing(bin.resolve(".vr_scaling.tmp")));
    }

    @Test
    public void theNextInstallRemovesCopiesLeftOverAnHourAgoAndKeepsFreshOnes() throws Exception {
        Path temp = Files.createDirectories(bin.resolve(".vr_scaling.tmp"));
        Path stale = Files.write(temp.resolve("vr_scaling.py.00000000aaaaaaaa"), new byte[] {1});
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - 2 * 3_600_000L));
        Path fresh = Files.write(temp.resolve("vr_scaling.py.00000000bbbbbbbb"), new byte[] {2});
        VrScriptRunner runner = new VrScriptRunner(new LocalShellTransport(), new File("unused"), 3922,
                VrScript.bundled());

        runner.install("127.0.0.1", TIMEOUTS);

        assertEquals(List.of(fresh.getFileName().toString()), listing(temp));
    }

    @Test
    public void aCorruptedCopyIsRemovedAndTheInstalledScriptIsLeftAlone() throws Exception {
        Files.write(bin.resolve(VrScript.FILE_NAME), "old script".getBytes(StandardCharsets.UTF_8));
        SshTransport truncating = new LocalShellTransport() {
            @Override
            public void copy(String host, int port, File keyFile, String remoteDir, String fileName, byte[] content,
                             String mode, SshTimeouts timeouts) throws Exception {
                // A transfer cut short: half of the file arrives.
                super.copy(host, port, keyFile, remoteDir, fileName, Arrays.copyOf(content, content.length / 2), mode,
                        timeouts);
            }
        };
        VrScriptRunner runner = new VrScriptRunner(truncating, new File("unused"), 3922, VrScript.bundled());

        IOException e = assertThrows(IOException.class, () -> runner.install("127.0.0.1", TIMEOUTS));

        assertTrue(e.getMessage(), e.getMessage().contains("expected " + VrScript.bundled().sha256()));
        assertEquals("old script", Files.readString(bin.resolve(VrScript.FILE_NAME)));
        assertEquals(List.of(".vr_scaling.tmp", VrScript.FILE_NAME), listing(bin));
        assertEquals(List.of(), listing(bin.resolve(".vr_scaling.tmp")));
    }

    private static List<String> listing(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().collect(java.util.stream.Collectors.toList());
        }
    }

    @Test
    public void diagnoseRunsTheRealScriptAndReturnsMeasurements() throws Exception {
        LibvirtVrTuningCommandWrapper wrapper = new LibvirtVrTuningCommandWrapper(new LocalShellTransport(),
                new File("unused"), VrScript.bundled());

        Answer answer = wrapper.execute(VrTuningCommand.diagnose(0).forRouter("::1", "r-local-VM"), null);

        assertTrue(answer.getDetails(), answer.getResult());
        VrTuningReport report = VrTuningReport.parse(answer.getDetails(), TuningMode.DIAGNOSE);
        assertTrue(report.measurements().containsKey("kernel_release"));
    }

    private static SshTransport.Result shell(String command) throws Exception {
        List<String> argv = new ArrayList<>(Arrays.asList("/bin/sh", "-c", command));
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue("shell timed out", process.waitFor(60, TimeUnit.SECONDS));
        return new SshTransport.Result(process.exitValue() == 0, new String(output, StandardCharsets.UTF_8));
    }
}
