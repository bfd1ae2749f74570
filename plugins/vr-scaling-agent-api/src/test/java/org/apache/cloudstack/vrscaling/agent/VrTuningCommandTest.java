package org.apache.cloudstack.vrscaling.agent;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.apache.cloudstack.vrscaling.core.tuning.TuningMode;
import org.junit.Test;

import com.cloud.agent.api.Command;
import com.cloud.agent.api.routing.NetworkElementCommand;
import com.google.gson.Gson;
import com.google.gson.JsonElement;

public class VrTuningCommandTest {
    private static final Gson GSON = new Gson();

    /** What CloudStack's transport does: the class name travels with the JSON, the other side loads the class. */
    private static Command overTheWire(Command command) throws ClassNotFoundException {
        String className = command.getClass().getName();
        JsonElement json = GSON.toJsonTree(command);
        String wire = GSON.toJson(json);
        Class<?> clazz = Class.forName(className);
        return (Command) GSON.fromJson(wire, clazz);
    }

    @Test
    public void applyCommandSurvivesGsonTransportWithModeSettingsAndAccessDetails() throws Exception {
        VrTuningCommand sent = VrTuningCommand.apply(TestTunings.fixtureTuning()).forRouter("169.254.3.7", "r-42-VM");

        Command received = overTheWire(sent);

        assertTrue(received instanceof VrTuningCommand);
        VrTuningCommand command = (VrTuningCommand) received;
        command.validate();
        assertEquals(TuningMode.APPLY, command.getMode());
        assertEquals(8, command.getSettings().size());
        assertEquals(TuningKey.CONNTRACK_MAX, command.getSettings().get(0).getKey());
        assertEquals(1_000_000L, command.getSettings().get(0).getValue());
        assertEquals(TuningKey.TCP_WINDOW_SCALING, command.getSettings().get(7).getKey());
        assertEquals(2, command.getNicQueues());
        assertEquals("169.254.3.7", command.getAccessDetail(NetworkElementCommand.ROUTER_IP));
        assertEquals("r-42-VM", command.getAccessDetail(NetworkElementCommand.ROUTER_NAME));
        assertFalse(command.executeInSequence());
        assertEquals(VrScriptArguments.of(sent), VrScriptArguments.of(command));
    }

    @Test
    public void diagnoseCommandSurvivesGsonTransportWithSampleSeconds() throws Exception {
        VrTuningCommand command = (VrTuningCommand) overTheWire(
                VrTuningCommand.diagnose(3).forRouter("fe80::1", "r-1-VM"));

        command.validate();
        assertEquals(TuningMode.DIAGNOSE, command.getMode());
        assertEquals(3, command.getSampleSeconds());
        assertTrue(command.getSettings().isEmpty());
        assertEquals("fe80::1", command.getRouterIp());
    }

    @Test
    public void tamperedWireValueIsRefusedByValidateOnTheAgent() throws Exception {
        String wire = GSON.toJson(VrTuningCommand.verify(TestTunings.fixtureTuning()))
                .replace("\"value\":600", "\"value\":999999");
        VrTuningCommand command = GSON.fromJson(wire, VrTuningCommand.class);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, command::validate);
        assertTrue(e.getMessage(), e.getMessage().contains("netdevbudget"));
    }

    @Test
    public void theConntrackBudgetSurvivesGsonTransport() throws Exception {
        VrTuningCommand command = (VrTuningCommand) overTheWire(VrTuningCommand.apply(TestTunings.fixtureTuning())
                .withConntrackBudget(0.3, 320).forRouter("169.254.3.7", "r-42-VM"));

        command.validate();
        assertTrue(command.hasConntrackBudget());
        assertEquals(0.3, command.getMemoryFraction(), 0.0);
        assertEquals(320, command.getBytesPerEntry());
    }

    @Test
    public void aConntrackBudgetOutsideTheScriptsRangesIsRefused() {
        VrTuningCommand apply = VrTuningCommand.apply(TestTunings.fixtureTuning());
        for (double fraction : new double[] {0.04, 0.61, Double.NaN, -0.25}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> apply.withConntrackBudget(fraction, 400));
            assertTrue(e.getMessage(), e.getMessage().contains("memory fraction must be between 0.05 and 0.6"));
        }
        for (int bytes : new int[] {63, 4_097, -400}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> VrTuningCommand.verify(TestTunings.fixtureTuning()).withConntrackBudget(0.25, bytes));
            assertTrue(e.getMessage(), e.getMessage().contains("bytes per entry must be between 64 and 4096"));
        }
        assertThrows(IllegalArgumentException.class, () -> VrTuningCommand.diagnose(2).withConntrackBudget(0.25, 400));
        assertThrows(IllegalArgumentException.class, () -> VrTuningCommand.remove().withConntrackBudget(0.25, 400));
    }

    @Test
    public void aTamperedWireBudgetIsRefusedOnTheAgent() {
        String wire = GSON.toJson(VrTuningCommand.apply(TestTunings.fixtureTuning()).withConntrackBudget(0.25, 400))
                .replace("\"bytesPerEntry\":400", "\"bytesPerEntry\":0");
        VrTuningCommand command = GSON.fromJson(wire, VrTuningCommand.class);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, command::validate);
        assertTrue(e.getMessage(), e.getMessage().contains("travel together"));
    }

    @Test
    public void wireCommandWithUnknownKeyIsRefusedByValidate() {
        // Gson reads an unknown enum constant as null; validate must not let it through.
        String wire = GSON.toJson(VrTuningCommand.verify(TestTunings.fixtureTuning()))
                .replace("\"NETDEV_BUDGET\"", "\"KERNEL_PANIC\"");
        VrTuningCommand command = GSON.fromJson(wire, VrTuningCommand.class);

        assertThrows(IllegalArgumentException.class, command::validate);
    }

    @Test
    public void emptyWireCommandIsRefusedByValidate() {
        VrTuningCommand command = GSON.fromJson("{}", VrTuningCommand.class);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, command::validate);
        assertTrue(e.getMessage().contains("no mode"));
    }

    @Test
    public void constructorRefusesOutOfRangeValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new VrTuningCommand(
                TuningMode.APPLY, settings(new VrTuningCommand.Setting(TuningKey.NETDEV_BUDGET, 99)), 0, 0));
        assertTrue(e.getMessage(), e.getMessage().contains("between 100 and 3000"));
    }

    @Test
    public void constructorRefusesDuplicateKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new VrTuningCommand(
                TuningMode.APPLY, settings(new VrTuningCommand.Setting(TuningKey.TCP_FIN_TIMEOUT, 15),
                new VrTuningCommand.Setting(TuningKey.TCP_FIN_TIMEOUT, 20)), 0, 0));
        assertTrue(e.getMessage(), e.getMessage().contains("duplicate"));
    }

    @Test
    public void constructorRefusesNicQueuesAsASysctlSetting() {
        assertThrows(IllegalArgumentException.class, () -> new VrTuningCommand(TuningMode.APPLY,
                settings(new VrTuningCommand.Setting(TuningKey.NIC_QUEUES, 2)), 0, 0));
    }

    @Test
    public void constructorRefusesOutOfRangeNicQueues() {
        assertThrows(IllegalArgumentException.class, () -> new VrTuningCommand(TuningMode.APPLY,
                settings(new VrTuningCommand.Setting(TuningKey.TCP_FIN_TIMEOUT, 15)), 65, 0));
        assertThrows(IllegalArgumentException.class, () -> new VrTuningCommand(TuningMode.APPLY,
                settings(new VrTuningCommand.Setting(TuningKey.TCP_FIN_TIMEOUT, 15)), -1, 0));
    }

    @Test
    public void constructorRefusesOutOfRangeSampleSeconds() {
        assertThrows(IllegalArgumentException.class, () -> VrTuningCommand.diagnose(11));
        assertThrows(IllegalArgumentException.class, () -> VrTuningCommand.diagnose(-1));
    }

    @Test
    public void applyWithoutSettingsIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new VrTuningCommand(TuningMode.APPLY, Collections.emptyList(), 0, 0));
    }

    @Test
    public void diagnoseAndRemoveRefuseSettings() {
        assertThrows(IllegalArgumentException.class, () -> new VrTuningCommand(TuningMode.REMOVE,
                settings(new VrTuningCommand.Setting(TuningKey.TCP_FIN_TIMEOUT, 15)), 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new VrTuningCommand(TuningMode.DIAGNOSE, Collections.emptyList(), 2, 1));
    }

    @Test
    public void constructorRefusesNullSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new VrTuningCommand(
                TuningMode.APPLY, settings(new VrTuningCommand.Setting(TuningKey.TCP_FIN_TIMEOUT, 15), null), 0, 0));
        assertTrue(e.getMessage(), e.getMessage().contains("without a key"));
    }

    @Test
    public void settingsAreKeptInTuningKeyOrder() {
        VrTuningCommand command = new VrTuningCommand(TuningMode.VERIFY, settings(
                new VrTuningCommand.Setting(TuningKey.TCP_FIN_TIMEOUT, 15),
                new VrTuningCommand.Setting(TuningKey.CONNTRACK_MAX, 2048)), 0, 0);

        assertEquals(TuningKey.CONNTRACK_MAX, command.getSettings().get(0).getKey());
        assertEquals(TuningKey.TCP_FIN_TIMEOUT, command.getSettings().get(1).getKey());
        assertNull(command.getRouterIp());
    }

    private static List<VrTuningCommand.Setting> settings(VrTuningCommand.Setting... settings) {
        return Arrays.asList(settings);
    }
}
