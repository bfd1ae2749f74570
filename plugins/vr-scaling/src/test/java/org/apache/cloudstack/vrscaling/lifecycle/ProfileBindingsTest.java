package org.apache.cloudstack.vrscaling.lifecycle;

import static org.apache.cloudstack.vrscaling.TestSupport.assertApiError;
import static org.apache.cloudstack.vrscaling.TestSupport.offering;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import org.apache.cloudstack.api.ApiErrorCode;
import org.apache.cloudstack.vrscaling.VrScalingSettings;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.cloudstack.vrscaling.binding.BindingStore;
import org.apache.cloudstack.vrscaling.core.profile.RouterProfile;
import org.apache.cloudstack.vrscaling.core.profile.TuningOverrides;
import org.apache.cloudstack.vrscaling.core.sizing.RouterSize;
import org.apache.cloudstack.vrscaling.core.sizing.SizingAssumptions;
import org.apache.cloudstack.vrscaling.core.sizing.SizingModel;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.apache.cloudstack.vrscaling.profile.ProfileService;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mockito.Mock;
import org.mockito.junit.MockitoJUnitRunner;

import com.cloud.network.dao.NetworkDao;
import com.cloud.network.dao.NetworkVO;
import com.cloud.network.vpc.VpcVO;
import com.cloud.network.vpc.dao.VpcDao;
import com.cloud.service.ServiceOfferingVO;
import com.cloud.service.dao.ServiceOfferingDao;
import com.cloud.vm.DomainRouterVO;
import com.cloud.vm.dao.DomainRouterDao;

@RunWith(MockitoJUnitRunner.class)
public class ProfileBindingsTest {
    @Mock
    BindingStore bindingStore;
    @Mock
    ProfileService profileService;
    @Mock
    ServiceOfferingDao serviceOfferingDao;
    @Mock
    NetworkDao networkDao;
    @Mock
    VpcDao vpcDao;
    @Mock
    DomainRouterDao routerDao;
    @Mock
    VrScalingSettings settings;

    private final ProfileBindings bindings = new ProfileBindings();
    private final FakeScopeLock scopeLock = new FakeScopeLock();

    @Before
    public void wire() {
        bindings.bindingStore = bindingStore;
        bindings.profileService = profileService;
        bindings.serviceOfferingDao = serviceOfferingDao;
        bindings.networkDao = networkDao;
        bindings.vpcDao = vpcDao;
        bindings.routerDao = routerDao;
        bindings.settings = settings;
        bindings.scopeLock = scopeLock;
        NetworkVO isolated = network(100L, null);
        NetworkVO tier = network(101L, 200L);
        VpcVO vpc = mock(VpcVO.class);
        lenient().when(vpc.getId()).thenReturn(200L);
        lenient().when(vpc.getName()).thenReturn("shop");
        lenient().when(vpc.getZoneId()).thenReturn(1L);
        lenient().when(networkDao.findById(100L)).thenReturn(isolated);
        lenient().when(networkDao.findById(101L)).thenReturn(tier);
        lenient().when(vpcDao.findById(200L)).thenReturn(vpc);
    }

    @Test
    public void jobsOnANetworkOrAVpcResolveToTheScopeHoldingTheBinding() {
        assertEquals(BindingScope.Type.NETWORK, bindings.scopeOfJob("Network", 100L).getType());
        BindingScope tier = bindings.scopeOfJob("Network", 101L);
        assertEquals(BindingScope.Type.VPC, tier.getType());
        assertEquals(200L, tier.getId());
        assertEquals(BindingScope.Type.VPC, bindings.scopeOfJob("Vpc", 200L).getType());
        assertNull(bindings.scopeOfJob("VirtualMachine", 100L));
        assertNull(bindings.scopeOfJob("Network", null));
        assertNull(bindings.scopeOfJob("Network", 999L));
    }

    @Test
    public void aRouterBelongsToItsVpcOrToItsFirstGuestNetwork() {
        DomainRouterVO vpcRouter = mock(DomainRouterVO.class);
        when(vpcRouter.getVpcId()).thenReturn(200L);
        DomainRouterVO router = mock(DomainRouterVO.class);
        when(router.getId()).thenReturn(31L);
        when(router.getVpcId()).thenReturn(null);
        when(routerDao.getRouterNetworks(31L)).thenReturn(List.of(100L));

        assertEquals(200L, bindings.scopeOfRouter(vpcRouter).getId());
        assertEquals(100L, bindings.scopeOfRouter(router).getId());
    }

    @Test
    public void theBoundProfileComesWithItsTuningForTheZone() {
        BindingScope scope = bindings.scopeOfJob("Network", 100L);
        ServiceOfferingVO big = offering(5L, "big", 2, 1000, 2048);
        when(bindingStore.boundProfile(scope)).thenReturn("offering-uuid-5");
        when(serviceOfferingDao.findByUuid("offering-uuid-5")).thenReturn(big);
        when(profileService.isProfile(5L)).thenReturn(true);
        when(profileService.toProfile(big)).thenReturn(new RouterProfile("big", new RouterSize(2, 1000, 2048),
                TuningOverrides.none()));
        SizingModel model = new SizingModel(SizingAssumptions.defaults());
        when(settings.sizingModel(1L)).thenReturn(model);

        ProfileBindings.Bound bound = bindings.bound(scope);

        assertEquals(5L, bound.getOffering().getId());
        assertEquals(model.derive(new RouterSize(2, 1000, 2048)).value(TuningKey.NIC_QUEUES), bound.nicQueues());
    }

    @Test
    public void aBindingToAProfileThatIsGoneCountsAsNoBinding() {
        BindingScope scope = bindings.scopeOfJob("Network", 100L);
        when(bindingStore.boundProfile(scope)).thenReturn("offering-uuid-5");

        assertNull(bindings.bound(scope));
        assertNull(bindings.bound(null));
    }

    @Test
    public void unbindRemovesTheBindingOfExactlyOneNetworkOrVpc() {
        when(bindingStore.unbind(any())).thenReturn(true);

        assertEquals(100L, bindings.unbind(100L, null).getId());
        assertEquals(200L, bindings.unbind(null, 200L).getId());
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> bindings.unbind(100L, 200L), "Exactly one");
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> bindings.unbind(null, null), "Exactly one");
    }

    @Test
    public void unbindRefusesATierAnUnknownIdAndAnUnboundNetwork() {
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> bindings.unbind(101L, null), "VPC tier", "vpcid");
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> bindings.unbind(999L, null), "Unable to find network");
        assertApiError(ApiErrorCode.PARAM_ERROR, () -> bindings.unbind(null, 999L), "Unable to find VPC");
        verify(bindingStore, never()).unbind(any());

        assertApiError(ApiErrorCode.PARAM_ERROR, () -> bindings.unbind(100L, null), "has no virtual router profile");
    }

    @Test
    public void unbindIsRefusedWhileAPlanRunsOnTheNetworkAndChangesNothing() {
        when(bindingStore.planRunning(any())).thenReturn(true);

        assertApiError(ApiErrorCode.UNSUPPORTED_ACTION_ERROR, () -> bindings.unbind(100L, null), "being rescaled",
                "nothing was changed");
        verify(bindingStore, never()).unbind(any());
    }

    @Test
    public void unbindIsRefusedWhileAnotherActorHoldsTheNetworkAndChangesNothing() {
        // A scale that has not marked its plan RUNNING yet holds the scope lock: reset must not slip in between.
        scopeLock.held.add(new BindingScope(BindingScope.Type.NETWORK, 100L, null, null, 0));

        assertApiError(ApiErrorCode.UNSUPPORTED_ACTION_ERROR, () -> bindings.unbind(100L, null), "being rescaled",
                "nothing was changed");
        verify(bindingStore, never()).unbind(any());
    }

    @Test
    public void unbindGivesTheScopeLockBack() {
        when(bindingStore.unbind(any())).thenReturn(true);

        bindings.unbind(100L, null);

        assertEquals(1, scopeLock.taken);
        assertTrue(scopeLock.held.isEmpty());
    }

    private static NetworkVO network(long id, Long vpcId) {
        NetworkVO network = mock(NetworkVO.class);
        lenient().when(network.getId()).thenReturn(id);
        lenient().when(network.getName()).thenReturn("net-" + id);
        lenient().when(network.getVpcId()).thenReturn(vpcId);
        lenient().when(network.getDataCenterId()).thenReturn(1L);
        return network;
    }
}
