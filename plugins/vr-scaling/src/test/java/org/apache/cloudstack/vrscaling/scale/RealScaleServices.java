package org.apache.cloudstack.vrscaling.scale;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import org.apache.cloudstack.framework.jobs.dao.AsyncJobDao;
import org.apache.cloudstack.vrscaling.VrScalingSettings;
import org.apache.cloudstack.vrscaling.binding.BindingStore;
import org.apache.cloudstack.vrscaling.core.tuning.TuningOutcome;
import org.apache.cloudstack.vrscaling.core.tuning.TuningPort;
import org.apache.cloudstack.vrscaling.lifecycle.FakeScopeLock;
import org.apache.cloudstack.vrscaling.lifecycle.LifecycleEvents;
import org.apache.cloudstack.vrscaling.presize.PresizeService;
import org.apache.cloudstack.vrscaling.profile.ProfileService;

import com.cloud.network.Network;
import com.cloud.network.VpcVirtualNetworkApplianceService;
import com.cloud.network.dao.NetworkDao;
import com.cloud.network.dao.NetworkVO;
import com.cloud.network.vpc.dao.VpcDao;
import com.cloud.service.dao.ServiceOfferingDao;
import com.cloud.vm.VMInstanceDetailVO;
import com.cloud.vm.VirtualMachineManager;
import com.cloud.vm.VmDetailConstants;
import com.cloud.vm.DomainRouterVO;
import com.cloud.vm.dao.DomainRouterDao;
import com.cloud.vm.dao.VMInstanceDetailsDao;

/**
 * The real ScaleService, RouterObserver and PlanExecutor wired over mocked CloudStack beans, plus the fakes flow
 * tests share: an isolated network, NIC-queue details kept in a map, a tuning port that works.
 */
final class RealScaleServices {
    /** Flow tests run without waiting: anything that would sleep is a bug in the scenario. */
    static final Sleeper NO_WAIT = new Sleeper() {
        @Override
        public long nowMillis() {
            return 0;
        }

        @Override
        public void sleep(long millis) {
            throw new AssertionError("nothing should need waiting here");
        }
    };

    final RouterObserver observer = new RouterObserver();
    final PlanExecutor executor = new PlanExecutor();
    final ScaleService scale = new ScaleService();
    /** The scope lock the API path of {@link #scale} takes. */
    final FakeScopeLock scopeLock = new FakeScopeLock();

    RealScaleServices(ProfileService profileService, BindingStore bindingStore, NetworkDao networkDao, VpcDao vpcDao,
                      DomainRouterDao routerDao, VirtualMachineManager vmManager,
                      VpcVirtualNetworkApplianceService routerService, VrScalingSettings settings,
                      ServiceOfferingDao serviceOfferingDao, VMInstanceDetailsDao vmDetailsDao, TuningPort tuningPort) {
        observer.routerDao = routerDao;
        observer.serviceOfferingDao = serviceOfferingDao;
        observer.vmDetailsDao = vmDetailsDao;
        executor.routerService = routerService;
        executor.routerDao = routerDao;
        executor.vmDetailsDao = vmDetailsDao;
        executor.serviceOfferingDao = serviceOfferingDao;
        executor.vmManager = vmManager;
        executor.tuningPort = tuningPort;
        executor.bindingStore = bindingStore;
        executor.settings = settings;
        executor.sleeper = NO_WAIT;
        executor.routerObserver = observer;
        // Each router answers the role probe with the role its row shows; the probe has its own tests.
        executor.roleProbe = mock(RouterRoleProbe.class);
        lenient().when(executor.roleProbe.ask(any(DomainRouterVO.class)))
                .thenAnswer(inv -> inv.getArgument(0, DomainRouterVO.class).getRedundantState());
        scale.profileService = profileService;
        scale.bindingStore = bindingStore;
        scale.routerObserver = observer;
        scale.planExecutor = executor;
        scale.networkDao = networkDao;
        scale.vpcDao = vpcDao;
        scale.routerDao = routerDao;
        scale.vmManager = vmManager;
        scale.routerService = routerService;
        scale.settings = settings;
        scale.managementServer = "ms-1";
        scale.scopeLock = scopeLock;
        scale.asyncJobDao = mock(AsyncJobDao.class);
        scale.events = mock(LifecycleEvents.class);
        // Pre-sizing is off by default and has its own tests; here it reports that it changed nothing.
        scale.presizeService = mock(PresizeService.class);
        // Every host fits: CapacityCheckTest covers the refusals.
        scale.capacityCheck = mock(CapacityCheck.class);
    }

    /** An Implemented isolated network named "web" in zone 1. */
    static NetworkVO isolatedNetwork(NetworkDao networkDao, long id) {
        NetworkVO network = mock(NetworkVO.class);
        lenient().when(network.getId()).thenReturn(id);
        lenient().when(network.getName()).thenReturn("web");
        lenient().when(network.getUuid()).thenReturn("net-uuid");
        lenient().when(network.getState()).thenReturn(Network.State.Implemented);
        lenient().when(network.getDataCenterId()).thenReturn(1L);
        lenient().when(network.getVpcId()).thenReturn(null);
        lenient().when(networkDao.findById(id)).thenReturn(network);
        return network;
    }

    /** vm_instance_details' nic.multiqueue.number, read and written through the DAO, kept in {@code details}. */
    static void keepQueueDetailsIn(Map<Long, String> details, VMInstanceDetailsDao vmDetailsDao) {
        lenient().when(vmDetailsDao.findDetail(anyLong(), eq(VmDetailConstants.NIC_MULTIQUEUE_NUMBER)))
                .thenAnswer(inv -> detail(details.get(inv.getArgument(0, Long.class))));
        lenient().doAnswer(inv -> details.put(inv.getArgument(0), inv.getArgument(2))).when(vmDetailsDao)
                .addDetail(anyLong(), eq(VmDetailConstants.NIC_MULTIQUEUE_NUMBER), anyString(), anyBoolean());
    }

    /** Every push applies and every verification matches. */
    static void tuningAlwaysWorks(TuningPort tuningPort) {
        lenient().when(tuningPort.apply(anyLong(), any()))
                .thenReturn(new TuningOutcome(true, true, true, "applied", List.of(), "1"));
        lenient().when(tuningPort.verify(anyLong(), any()))
                .thenReturn(new TuningOutcome(true, true, false, "all values match", List.of(), "1"));
    }

    private static VMInstanceDetailVO detail(String value) {
        if (value == null) {
            return null;
        }
        VMInstanceDetailVO detail = mock(VMInstanceDetailVO.class);
        when(detail.getValue()).thenReturn(value);
        return detail;
    }
}
