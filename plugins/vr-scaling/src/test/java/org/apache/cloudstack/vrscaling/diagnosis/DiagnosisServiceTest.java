package org.apache.cloudstack.vrscaling.diagnosis;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.cloudstack.api.ApiErrorCode;
import org.apache.cloudstack.api.ServerApiException;
import org.apache.cloudstack.api.response.vrscaling.VirtualRouterDiagnosisResponse;
import org.apache.cloudstack.api.response.vrscaling.VirtualRouterDiagnosisRouterResponse;
import org.apache.cloudstack.api.response.vrscaling.VirtualRouterFindingResponse;
import org.apache.cloudstack.vrscaling.VrScalingSettings;
import org.apache.cloudstack.vrscaling.agent.VrTuningReport;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.core.plan.RedundantRole;
import org.apache.cloudstack.vrscaling.core.plan.RouterObservation;
import org.apache.cloudstack.vrscaling.core.plan.RouterRunState;
import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.apache.cloudstack.vrscaling.core.tuning.TuningMode;
import org.apache.cloudstack.vrscaling.lifecycle.ProfileBindings;
import org.apache.cloudstack.vrscaling.scale.RouterObserver;
import org.apache.cloudstack.vrscaling.tuning.AgentTuningPort;
import org.apache.cloudstack.vrscaling.tuning.TuningNotDeliveredException;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mockito.InjectMocks;
import org.mockito.Mock;
import org.mockito.junit.MockitoJUnitRunner;
import org.springframework.test.util.ReflectionTestUtils;

import com.cloud.network.dao.NetworkDao;
import com.cloud.network.dao.NetworkVO;
import com.cloud.network.router.VirtualRouter;
import com.cloud.network.vpc.VpcVO;
import com.cloud.network.vpc.dao.VpcDao;
import com.cloud.vm.DomainRouterVO;
import com.cloud.vm.dao.DomainRouterDao;

@RunWith(MockitoJUnitRunner.class)
public class DiagnosisServiceTest {
    private static final RouterSize OFFERING = new RouterSize(2, 2000, 512);

    @Mock
    AgentTuningPort tuningPort;
    @Mock
    RouterObserver routerObserver;
    @Mock
    DomainRouterDao routerDao;
    @Mock
    NetworkDao networkDao;
    @Mock
    VpcDao vpcDao;
    @Mock
    VrScalingSettings settings;
    @InjectMocks
    DiagnosisService service;

    @Before
    public void setUp() {
        lenient().when(settings.sizingModel(anyLong())).thenReturn(new SizingModel(SizingAssumptions.defaults()));
        // The real scope lookup over the mocked DAOs.
        ProfileBindings bindings = new ProfileBindings();
        ReflectionTestUtils.setField(bindings, "networkDao", networkDao);
        ReflectionTestUtils.setField(bindings, "vpcDao", vpcDao);
        service.bindings = bindings;
    }

    /** The measurements map of a real diagnose run of the VR-side script (fixture shared with agent-api). */
    private static Map<String, Object> realMeasurements() throws Exception {
        try (InputStream in = DiagnosisServiceTest.class.getResourceAsStream("diagnose.json")) {
            assertNotNull(in);
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return VrTuningReport.parse(json, TuningMode.DIAGNOSE).measurements();
        }
    }

    private DomainRouterVO router(long id, RouterRunState state) {
        DomainRouterVO router = mock(DomainRouterVO.class);
        lenient().when(router.getId()).thenReturn(id);
        lenient().when(router.getDataCenterId()).thenReturn(1L);
        when(routerObserver.observe(router)).thenReturn(new RouterObservation(id, "uuid-" + id, "r-" + id + "-VM",
                state, false, RedundantRole.NONE, 10L, OFFERING, 3L, null));
        return router;
    }

    private static void assertError(ApiErrorCode code, String text, Runnable call) {
        try {
            call.run();
            fail("expected " + code);
        } catch (ServerApiException e) {
            assertEquals(code, e.getErrorCode());
            assertTrue(e.getDescription(), e.getDescription().contains(text));
        }
    }

    @Test
    public void anInternalLoadBalancerVmIsRefusedAsScaleRefusesIt() throws Exception {
        DomainRouterVO lb = mock(DomainRouterVO.class);
        when(lb.getInstanceName()).thenReturn("b-31-VM");
        when(lb.getRole()).thenReturn(VirtualRouter.Role.INTERNAL_LB_VM);
        when(routerDao.findById(31L)).thenReturn(lb);

        assertError(ApiErrorCode.PARAM_ERROR, "b-31-VM is a INTERNAL_LB_VM appliance, not a virtual router",
                () -> service.diagnose(null, null, 31L, null));
        verify(tuningPort, never()).diagnose(anyLong(), anyInt());
    }

    @Test
    public void aRunningRouterIsMeasuredAndGetsFindingsFromRealDiagnoseOutput() throws Exception {
        DomainRouterVO router = router(7, RouterRunState.RUNNING);
        when(routerDao.findById(7L)).thenReturn(router);
        when(tuningPort.diagnose(7L, 2)).thenReturn(realMeasurements());

        List<RouterDiagnosis> result = service.diagnose(null, null, 7L, null);

        assertEquals(1, result.size());
        VirtualRouterDiagnosisResponse response = DiagnosisResponses.of(result);
        VirtualRouterDiagnosisRouterResponse item = response.getRouters().get(0);
        assertTrue(item.getMeasured());
        assertEquals(Long.valueOf(1_234), item.getConntrackCount());
        assertEquals(Long.valueOf(3), item.getOomKills());
        assertEquals(Long.valueOf(482), item.getGuestMemory());
        List<String> codes = item.getFindings().stream().map(VirtualRouterFindingResponse::getCode)
                .collect(Collectors.toList());
        assertTrue(codes.toString(), codes.containsAll(Arrays.asList("OOM_KILLS", "SINGLE_QUEUE_DROPS",
                "CONNTRACK_PRESSURE")));
        assertTrue(item.getResizeAdvised());
        assertTrue(item.getRecommendedSize().contains("MiB"));
    }

    @Test
    public void aStoppedRouterIsReportedNotMeasuredWithoutAskingTheAgent() {
        DomainRouterVO router = router(7, RouterRunState.STOPPED);
        when(routerDao.findById(7L)).thenReturn(router);

        RouterDiagnosis result = service.diagnose(null, null, 7L, 1).get(0);

        assertFalse(result.isMeasured());
        assertTrue(result.getProblem().contains("STOPPED"));
        verify(tuningPort, never()).diagnose(anyLong(), anyInt());
        assertFalse(DiagnosisResponses.of(List.of(result)).getRouters().get(0).getMeasured());
    }

    @Test
    public void aHostWithoutTheAgentExtensionIsReportedNotMeasured() {
        DomainRouterVO router = router(7, RouterRunState.RUNNING);
        when(routerDao.findById(7L)).thenReturn(router);
        when(tuningPort.diagnose(7L, 2)).thenThrow(new TuningNotDeliveredException(
                "agent extension missing on host 3: install vr-scaling-kvm in /usr/share/cloudstack-agent/plugins/"));

        RouterDiagnosis result = service.diagnose(null, null, 7L, null).get(0);

        assertFalse(result.isMeasured());
        assertTrue(result.getProblem().contains("agent extension missing"));
    }

    @Test
    public void aVpcTierIsDiagnosedThroughItsVpcsRouters() {
        NetworkVO tier = mock(NetworkVO.class);
        when(tier.getVpcId()).thenReturn(4L);
        when(networkDao.findById(9L)).thenReturn(tier);
        VpcVO vpc = mock(VpcVO.class);
        when(vpc.getId()).thenReturn(4L);
        when(vpcDao.findById(4L)).thenReturn(vpc);
        DomainRouterVO router = router(7, RouterRunState.STOPPED);
        when(routerObserver.routers(new BindingScope(BindingScope.Type.VPC, 4L, null, null, 1L)))
                .thenReturn(List.of(router));

        assertEquals(1, service.diagnose(9L, null, null, 0).size());
    }

    @Test
    public void badTargetsAndSampleTimesAreRefusedAsParameterErrors() {
        assertError(ApiErrorCode.PARAM_ERROR, "Exactly one of", () -> service.diagnose(1L, 2L, null, null));
        assertError(ApiErrorCode.PARAM_ERROR, "Exactly one of", () -> service.diagnose(null, null, null, null));
        assertError(ApiErrorCode.PARAM_ERROR, "sampleseconds", () -> service.diagnose(null, null, 7L, 11));
        assertError(ApiErrorCode.PARAM_ERROR, "virtual router with id 8", () -> service.diagnose(null, null, 8L, 1));
        assertError(ApiErrorCode.PARAM_ERROR, "network with id 5", () -> service.diagnose(5L, null, null, 1));
        assertError(ApiErrorCode.PARAM_ERROR, "VPC with id 6", () -> service.diagnose(null, 6L, null, 1));
    }
}
