package org.apache.cloudstack.vrscaling;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import org.apache.cloudstack.api.ApiErrorCode;
import org.apache.cloudstack.api.ServerApiException;

import com.cloud.network.router.VirtualRouter;
import com.cloud.offering.ServiceOffering;
import com.cloud.service.ServiceOfferingVO;
import com.cloud.vm.DomainRouterVO;
import com.cloud.vm.VirtualMachine;

/** Builders for CloudStack rows as mocks (stand-in and real VOs differ in what their constructors keep). */
public final class TestSupport {
    private TestSupport() {
    }

    public static ServiceOfferingVO offering(long id, String name, int cpus, int mhz, int memory) {
        ServiceOfferingVO offering = mock(ServiceOfferingVO.class);
        lenient().when(offering.getId()).thenReturn(id);
        lenient().when(offering.getUuid()).thenReturn("offering-uuid-" + id);
        lenient().when(offering.getName()).thenReturn(name);
        lenient().when(offering.getDisplayText()).thenReturn(name + " text");
        lenient().when(offering.getCpu()).thenReturn(cpus);
        lenient().when(offering.getSpeed()).thenReturn(mhz);
        lenient().when(offering.getRamSize()).thenReturn(memory);
        lenient().when(offering.isSystemUse()).thenReturn(true);
        lenient().when(offering.getVmType()).thenReturn("domainrouter");
        lenient().when(offering.getState()).thenReturn(ServiceOffering.State.Active);
        lenient().when(offering.getDiskOfferingId()).thenReturn(id + 1000);
        return offering;
    }

    public static DomainRouterVO router(long id, String name, VirtualMachine.State state, long offeringId,
                                        VirtualRouter.RedundantState role) {
        DomainRouterVO router = mock(DomainRouterVO.class);
        lenient().when(router.getId()).thenReturn(id);
        lenient().when(router.getUuid()).thenReturn("router-uuid-" + id);
        lenient().when(router.getInstanceName()).thenReturn(name);
        lenient().when(router.getState()).thenReturn(state);
        lenient().when(router.getServiceOfferingId()).thenReturn(offeringId);
        lenient().when(router.getIsRedundantRouter()).thenReturn(role != null);
        lenient().when(router.getRedundantState()).thenReturn(role);
        lenient().when(router.getRole()).thenReturn(VirtualRouter.Role.VIRTUAL_ROUTER);
        lenient().when(router.getVpcId()).thenReturn(null);
        lenient().when(router.getHostId()).thenReturn(state == VirtualMachine.State.Running ? 7L : null);
        return router;
    }

    /** Runs the call and checks it fails with the error code and a message containing every fragment. */
    public static ServerApiException assertApiError(ApiErrorCode code, Runnable call, String... fragments) {
        try {
            call.run();
        } catch (ServerApiException e) {
            assertEquals("error code (" + e.getDescription() + ")", code, e.getErrorCode());
            for (String fragment : fragments) {
                assertTrue("'" + e.getDescription() + "' should mention '" + fragment + "'",
                        e.getDescription().contains(fragment));
            }
            return e;
        }
        fail("expected " + code);
        return null;
    }
}
