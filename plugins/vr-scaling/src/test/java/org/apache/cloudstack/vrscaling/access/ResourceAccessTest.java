package org.apache.cloudstack.vrscaling.access;

import static org.apache.cloudstack.vrscaling.TestSupport.assertApiError;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.apache.cloudstack.acl.ControlledEntity;
import org.apache.cloudstack.acl.SecurityChecker.AccessType;
import org.apache.cloudstack.api.ApiErrorCode;
import org.apache.cloudstack.context.CallContext;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mockito.InjectMocks;
import org.mockito.Mock;
import org.mockito.MockedStatic;
import org.mockito.Mockito;
import org.mockito.junit.MockitoJUnitRunner;

import com.cloud.exception.PermissionDeniedException;
import com.cloud.network.dao.NetworkDao;
import com.cloud.network.dao.NetworkVO;
import com.cloud.network.vpc.VpcVO;
import com.cloud.network.vpc.dao.VpcDao;
import com.cloud.user.Account;
import com.cloud.user.AccountService;
import com.cloud.vm.DomainRouterVO;
import com.cloud.vm.dao.DomainRouterDao;

@RunWith(MockitoJUnitRunner.Silent.class)
public class ResourceAccessTest {
    @Mock
    AccountService accountService;
    @Mock
    NetworkDao networkDao;
    @Mock
    VpcDao vpcDao;
    @Mock
    DomainRouterDao routerDao;
    @InjectMocks
    ResourceAccess access;

    private final Account domainAdmin = mock(Account.class);
    private final NetworkVO otherTenantsNetwork = mock(NetworkVO.class);
    private MockedStatic<CallContext> callContext;

    @Before
    public void callerIsADomainAdmin() {
        when(domainAdmin.getId()).thenReturn(7L);
        when(domainAdmin.getAccountName()).thenReturn("dadmin");
        CallContext context = mock(CallContext.class);
        when(context.getCallingAccount()).thenReturn(domainAdmin);
        callContext = Mockito.mockStatic(CallContext.class);
        callContext.when(CallContext::current).thenReturn(context);
        when(networkDao.findById(5L)).thenReturn(otherTenantsNetwork);
    }

    @After
    public void closeCallContext() {
        callContext.close();
    }

    @Test
    public void aNetworkOfAnotherDomainIsRefusedWithAccountError() {
        doThrow(new PermissionDeniedException("no")).when(accountService).checkAccess(any(Account.class),
                any(AccessType.class), anyBoolean(), any(ControlledEntity[].class));
        assertApiError(ApiErrorCode.ACCOUNT_ERROR, () -> access.checkOperate(5L, null, null), "dadmin",
                "may not operate this network");
    }

    @Test
    public void theNetworkIsCheckedForOperationByTheCaller() {
        access.checkOperate(5L, null, null);
        verify(accountService).checkAccess(domainAdmin, AccessType.OperateEntry, true, otherTenantsNetwork);
    }

    @Test
    public void aVpcAndARouterAreCheckedToo() {
        VpcVO vpc = mock(VpcVO.class);
        when(vpcDao.findById(6L)).thenReturn(vpc);
        DomainRouterVO router = mock(DomainRouterVO.class);
        when(routerDao.findById(8L)).thenReturn(router);
        access.checkOperate(null, 6L, null);
        access.checkOperate(null, null, 8L);
        verify(accountService).checkAccess(domainAdmin, AccessType.OperateEntry, true, vpc);
        verify(accountService).checkAccess(domainAdmin, AccessType.OperateEntry, true, router);
    }

    @Test
    public void aBindingIsListedOnlyForANetworkOrVpcTheCallerMaySee() {
        access.checkList(5L, null);
        verify(accountService).checkAccess(domainAdmin, AccessType.ListEntry, true, otherTenantsNetwork);
        VpcVO vpc = mock(VpcVO.class);
        when(vpcDao.findById(6L)).thenReturn(vpc);
        doThrow(new PermissionDeniedException("no")).when(accountService).checkAccess(domainAdmin,
                AccessType.ListEntry, true, vpc);
        assertApiError(ApiErrorCode.ACCOUNT_ERROR, () -> access.checkList(null, 6L), "dadmin",
                "may not see this VPC");
    }

    @Test
    public void anIdThatDoesNotResolveIsLeftToTheServiceToName() {
        access.checkOperate(404L, null, null);
        verify(accountService, never()).checkAccess(any(Account.class), any(AccessType.class), anyBoolean(),
                any(ControlledEntity[].class));
    }

    @Test
    public void onlyARootAdminChangesProfiles() {
        when(accountService.isRootAdmin(7L)).thenReturn(false);
        assertApiError(ApiErrorCode.ACCOUNT_ERROR, () -> access.checkRootAdmin("create a virtual router profile"),
                "Only a root administrator may create a virtual router profile", "dadmin");
        when(accountService.isRootAdmin(7L)).thenReturn(true);
        access.checkRootAdmin("create a virtual router profile");
    }
}
