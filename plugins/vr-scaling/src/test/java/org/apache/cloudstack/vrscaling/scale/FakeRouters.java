package org.apache.cloudstack.vrscaling.scale;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.cloud.network.VpcVirtualNetworkApplianceService;
import com.cloud.network.router.VirtualRouter;
import com.cloud.vm.DomainRouterVO;
import com.cloud.vm.VirtualMachine;
import com.cloud.vm.dao.DomainRouterDao;

/**
 * A small stateful stand-in for CloudStack's routers: stopRouter/startRouter change the state the DAO reports,
 * setServiceOfferingId changes the offering, and every call is recorded in order.
 */
final class FakeRouters {
    final Map<Long, VirtualMachine.State> states = new HashMap<>();
    final Map<Long, Long> offerings = new HashMap<>();
    /** What each router answers when asked (CheckRouterCommand) right now. */
    final Map<Long, VirtualRouter.RedundantState> roles = new HashMap<>();
    /** domain_router.redundant_state: CloudStack refreshes it only every router.check.interval, so it stays stale. */
    final Map<Long, VirtualRouter.RedundantState> storedRoles = new HashMap<>();
    final Map<Long, String> names = new HashMap<>();
    final Map<Long, DomainRouterVO> rows = new HashMap<>();
    final List<String> calls = new ArrayList<>();

    FakeRouters(DomainRouterDao routerDao, VpcVirtualNetworkApplianceService routerService) throws Exception {
        lenient().when(routerDao.findById(anyLong())).thenAnswer(inv -> rows.get(inv.getArgument(0, Long.class)));
        lenient().when(routerDao.update(anyLong(), any(DomainRouterVO.class)))
                .thenAnswer(inv -> {
                    calls.add("update " + names.get(inv.getArgument(0, Long.class)) + " offering "
                            + offerings.get(inv.getArgument(0, Long.class)));
                    return true;
                });
        lenient().doAnswer(inv -> {
            long id = inv.getArgument(0, Long.class);
            calls.add("stop " + names.get(id));
            states.put(id, VirtualMachine.State.Stopped);
            return rows.get(id);
        }).when(routerService).stopRouter(anyLong(), anyBoolean());
        lenient().doAnswer(inv -> {
            long id = inv.getArgument(0, Long.class);
            calls.add("start " + names.get(id));
            states.put(id, VirtualMachine.State.Running);
            return rows.get(id);
        }).when(routerService).startRouter(anyLong(), anyBoolean());
    }

    /** Routers answer the role probe from {@link #roles}; the observer lists every router of the fake cloud. */
    void answer(RouterRoleProbe probe, RouterObserver observer) {
        lenient().when(probe.ask(any(DomainRouterVO.class)))
                .thenAnswer(inv -> roles.get(inv.getArgument(0, DomainRouterVO.class).getId()));
        lenient().when(observer.routers(any())).thenAnswer(inv -> new ArrayList<>(rows.values()));
    }

    DomainRouterVO add(long id, String name, VirtualMachine.State state, long offeringId,
                       VirtualRouter.RedundantState role) {
        DomainRouterVO row = mock(DomainRouterVO.class);
        names.put(id, name);
        states.put(id, state);
        offerings.put(id, offeringId);
        roles.put(id, role);
        storedRoles.put(id, role);
        lenient().when(row.getId()).thenReturn(id);
        lenient().when(row.getUuid()).thenReturn("router-uuid-" + id);
        lenient().when(row.getInstanceName()).thenReturn(name);
        lenient().when(row.getState()).thenAnswer(inv -> states.get(id));
        lenient().when(row.getServiceOfferingId()).thenAnswer(inv -> offerings.get(id));
        lenient().when(row.getIsRedundantRouter()).thenReturn(role != null);
        lenient().when(row.getRedundantState()).thenAnswer(inv -> storedRoles.get(id));
        lenient().when(row.getHostId()).thenAnswer(inv -> states.get(id) == VirtualMachine.State.Running ? 7L : null);
        lenient().when(row.getRole()).thenReturn(VirtualRouter.Role.VIRTUAL_ROUTER);
        lenient().when(row.getVpcId()).thenReturn(null);
        lenient().doAnswer(inv -> {
            offerings.put(id, inv.getArgument(0, Long.class));
            return null;
        }).when(row).setServiceOfferingId(anyLong());
        rows.put(id, row);
        return row;
    }

}
