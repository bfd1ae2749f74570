package com.cloud.hypervisor.xenserver.resource.wrapper.xenbase.vrscaling;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.lang.reflect.Method;

import org.apache.cloudstack.vrscaling.agent.VrTuningCommand;
import org.joda.time.Duration;
import org.junit.Test;

import com.cloud.agent.api.Answer;
import com.cloud.agent.api.Command;
import com.cloud.hypervisor.xenserver.resource.CitrixResourceBase;
import com.cloud.resource.CommandWrapper;
import com.cloud.resource.ResourceWrapper;
import com.cloud.resource.ServerResource;
import com.cloud.utils.ExecutionResult;

public class CitrixVrTuningCommandWrapperTest {
    private static final String IP = "169.254.0.12";
    private static final String REQUEST_WRAPPER =
            "com.cloud.hypervisor.xenserver.resource.wrapper.xenbase.CitrixRequestWrapper";
    /** Every concrete XenServer/XCP-ng resource of 4.22: each must reach our wrapper through its family tree. */
    private static final String[] RESOURCES = {"XcpServerResource", "XcpServer83Resource", "XcpOssResource",
        "XenServer56Resource", "XenServer56FP1Resource", "XenServer56SP2Resource", "XenServer600Resource",
        "XenServer610Resource", "XenServer620Resource", "XenServer620SP1Resource", "Xenserver625Resource",
        "XenServer650Resource", "Xenserver84Resource"};

    private static VrTuningCommand command() {
        return VrTuningCommand.remove().forRouter(IP, "r-9-VM");
    }

    @Test
    public void itIsAWrapperCitrixRequestWrapperScansForAndInstantiates() throws Exception {
        ResourceWrapper annotation = CitrixVrTuningCommandWrapper.class.getAnnotation(ResourceWrapper.class);

        assertNotNull(annotation);
        assertEquals(VrTuningCommand.class, annotation.handles());
        assertTrue(CommandWrapper.class.isAssignableFrom(CitrixVrTuningCommandWrapper.class));
        assertTrue(CitrixVrTuningCommandWrapper.class.getPackage().getName()
                .startsWith("com.cloud.hypervisor.xenserver.resource.wrapper.xenbase."));
        assertNotNull(CitrixVrTuningCommandWrapper.class.getConstructor().newInstance());
    }

    @Test
    public void itRunsTheRoutineThroughTheResourcesOwnDeployer() {
        CitrixResourceBase resource = mock(CitrixResourceBase.class);
        when(resource.executeInVR(anyString(), anyString(), anyString(), any(Duration.class)))
                .thenReturn(new ExecutionResult(false, "host unreachable"));

        Answer answer = new CitrixVrTuningCommandWrapper().execute(command(), resource);

        assertFalse(answer.getResult());
        assertEquals("vr-scaling remove on router 'r-9-VM' ('" + IP + "'): cannot copy /opt/cloud/bin/vr_scaling.py "
                + "through the XenServer/XCP-ng host (router_proxy.sh) (IOException: creating "
                + "/opt/cloud/bin/.vr_scaling.tmp failed: host unreachable)", answer.getDetails());
        verify(resource).executeInVR(eq(IP), eq("../../../bin/mkdir"), eq("-p /opt/cloud/bin/.vr_scaling.tmp"),
                eq(Duration.millis(60_000)));
        verify(resource, never()).createFileInVR(anyString(), anyString(), anyString(), anyString());
    }

    /**
     * The proof on CloudStack's own classes: the real 4.22 CitrixRequestWrapper, which scans its packages with
     * Reflections, hands VrTuningCommand to our wrapper (not to its NetworkElementCommand wrapper) for every
     * XenServer/XCP-ng resource class. The -Pcloudstack build sets vrscaling.real.cloudstack, so there it must run.
     */
    @Test
    public void theRealCitrixRequestWrapperDispatchesVrTuningCommandToThisWrapper() throws Exception {
        boolean real = Boolean.getBoolean("vrscaling.real.cloudstack");
        Class<?> requestWrapper;
        try {
            requestWrapper = Class.forName(REQUEST_WRAPPER);
        } catch (ClassNotFoundException e) {
            if (real) {
                throw new AssertionError("the -Pcloudstack build lacks the XenServer plugin jar", e);
            }
            assumeTrue("compat build: no real CitrixRequestWrapper here; .ci/run proves this with -Pcloudstack",
                    false);
            return;
        }
        Object instance = requestWrapper.getMethod("getInstance").invoke(null);
        Method execute = requestWrapper.getMethod("execute", Command.class, ServerResource.class);
        for (String name : RESOURCES) {
            CitrixResourceBase resource = (CitrixResourceBase) mock(Class.forName(
                    "com.cloud.hypervisor.xenserver.resource." + name));
            when(resource.executeInVR(anyString(), anyString(), anyString(), any(Duration.class)))
                    .thenReturn(new ExecutionResult(false, "stub host for " + name));

            Answer answer = (Answer) execute.invoke(instance, command(), resource);

            assertFalse(name, answer.getResult());
            assertTrue(name + ": " + answer.getDetails(), answer.getDetails().endsWith(
                    "through the XenServer/XCP-ng host (router_proxy.sh) (IOException: creating "
                            + "/opt/cloud/bin/.vr_scaling.tmp failed: stub host for " + name + ")"));
            verify(resource).executeInVR(eq(IP), eq("../../../bin/mkdir"), eq("-p /opt/cloud/bin/.vr_scaling.tmp"),
                    any(Duration.class));
        }
    }
}
