package org.apache.cloudstack.vrscaling.compat;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.cloudstack.acl.RoleType;
import org.apache.cloudstack.acl.SecurityChecker.AccessType;
import org.apache.cloudstack.api.ACL;
import org.apache.cloudstack.api.APICommand;
import org.apache.cloudstack.api.ApiConstants;
import org.apache.cloudstack.api.ApiErrorCode;
import org.apache.cloudstack.api.BaseAsyncCmd;
import org.apache.cloudstack.api.BaseAsyncCreateCmd;
import org.apache.cloudstack.api.BaseCmd;
import org.apache.cloudstack.api.BaseListCmd;
import org.apache.cloudstack.api.EntityReference;
import org.apache.cloudstack.api.Parameter;
import org.apache.cloudstack.api.ResponseObject.ResponseView;
import org.apache.cloudstack.api.ServerApiException;
import org.apache.cloudstack.api.response.DomainRouterResponse;
import org.apache.cloudstack.api.response.ListResponse;
import org.apache.cloudstack.api.response.NetworkResponse;
import org.apache.cloudstack.api.response.ServiceOfferingResponse;
import org.apache.cloudstack.api.response.SuccessResponse;
import org.apache.cloudstack.api.response.VpcResponse;
import org.apache.cloudstack.context.CallContext;
import org.apache.cloudstack.framework.config.ConfigKey;
import org.apache.cloudstack.framework.jobs.AsyncJob;
import org.apache.cloudstack.managed.context.ManagedContextRunnable;
import org.apache.cloudstack.resourcedetail.ResourceDetailsDao;
import org.junit.Test;

import com.cloud.agent.AgentManager;
import com.cloud.agent.api.Answer;
import com.cloud.agent.api.Command;
import com.cloud.agent.api.routing.NetworkElementCommand;
import com.cloud.agent.manager.Commands;
import com.cloud.event.ActionEvent;
import com.cloud.event.EventTypes;
import com.cloud.event.UsageEventUtils;
import com.cloud.exception.AgentUnavailableException;
import com.cloud.exception.CloudException;
import com.cloud.exception.ConcurrentOperationException;
import com.cloud.exception.InsufficientCapacityException;
import com.cloud.exception.NetworkRuleConflictException;
import com.cloud.exception.ResourceAllocationException;
import com.cloud.exception.ResourceUnavailableException;
import com.cloud.hypervisor.kvm.resource.LibvirtComputingResource;
import com.cloud.network.Network;
import com.cloud.network.Networks;
import com.cloud.network.router.VirtualRouter;
import com.cloud.network.vpc.Vpc;
import com.cloud.network.vpc.VpcOffering;
import com.cloud.offering.NetworkOffering;
import com.cloud.offering.ServiceOffering;
import com.cloud.resource.CommandWrapper;
import com.cloud.resource.ResourceWrapper;
import com.cloud.resource.ServerResource;
import com.cloud.resource.ServerResourceBase;
import com.cloud.serializer.Param;
import com.cloud.user.Account;
import com.cloud.user.User;
import com.cloud.utils.component.ComponentContext;
import com.cloud.utils.component.ComponentLifecycle;
import com.cloud.utils.component.ManagerBase;
import com.cloud.utils.db.EntityManager;
import com.cloud.utils.db.GenericDao;
import com.cloud.utils.db.Transaction;
import com.cloud.utils.exception.CloudRuntimeException;
import com.cloud.utils.fsm.StateListener;
import com.cloud.utils.fsm.StateMachine2;
import com.cloud.utils.net.NetUtils;
import com.cloud.utils.ssh.SshHelper;
import com.cloud.vm.DomainRouterVO;
import com.cloud.vm.VMInstanceVO;
import com.cloud.vm.VirtualMachine;
import com.cloud.vm.VmDetailConstants;
import com.cloud.vm.Nic;
import com.cloud.vm.dao.DomainRouterDao;
import com.google.gson.Gson;

/**
 * Guards the two promises of the stand-ins: they look like CloudStack 4.22 where the plugin (and its tests) can tell,
 * and they carry no behaviour beyond storing values.
 */
public class CompatStandInsMatchCloudStackTest {

    private static final class RouterCommand extends NetworkElementCommand {
    }

    @Test
    public void annotationsAreReadableByReflectionAtRuntimeLikeCloudStacks() {
        List<Class<? extends Annotation>> annotations = Arrays.asList(APICommand.class, Parameter.class, EntityReference.class,
                ACL.class, Param.class, ResourceWrapper.class, ActionEvent.class);
        for (Class<? extends Annotation> annotation : annotations) {
            Retention retention = annotation.getAnnotation(Retention.class);
            assertEquals(annotation.getName(), RetentionPolicy.RUNTIME, retention == null ? null : retention.value());
        }
        assertTargets(APICommand.class, ElementType.TYPE);
        assertTargets(Parameter.class, ElementType.FIELD);
        assertTargets(ACL.class, ElementType.FIELD);
        assertTargets(ResourceWrapper.class, ElementType.TYPE);
        assertTargets(ActionEvent.class, ElementType.TYPE, ElementType.METHOD);
        assertNull(EntityReference.class.getAnnotation(Target.class));
        assertNull(Param.class.getAnnotation(Target.class));
    }

    @Test
    public void annotationDefaultsAreCloudStacks() throws Exception {
        assertEquals(BaseCmd.CommandType.OBJECT, Parameter.class.getMethod("type").getDefaultValue());
        assertEquals(BaseCmd.CommandType.OBJECT, Parameter.class.getMethod("collectionType").getDefaultValue());
        assertEquals(255, Parameter.class.getMethod("length").getDefaultValue());
        assertEquals(Boolean.FALSE, Parameter.class.getMethod("required").getDefaultValue());
        assertEquals(Boolean.TRUE, Parameter.class.getMethod("acceptedOnAdminPort").getDefaultValue());
        assertArrayEquals(new Class<?>[] {Object.class}, (Class<?>[]) Parameter.class.getMethod("entityType").getDefaultValue());
        assertEquals(ResponseView.Full, APICommand.class.getMethod("responseView").getDefaultValue());
        assertEquals(Boolean.TRUE, APICommand.class.getMethod("requestHasSensitiveInfo").getDefaultValue());
        assertEquals(Boolean.TRUE, APICommand.class.getMethod("responseHasSensitiveInfo").getDefaultValue());
        assertEquals(AccessType.UseEntry, ACL.class.getMethod("accessType").getDefaultValue());
        assertEquals(-1L, ActionEvent.class.getMethod("resourceId").getDefaultValue());
        assertEquals(Boolean.FALSE, Param.class.getMethod("isSensitive").getDefaultValue());
    }

    @Test
    public void responsesPointParametersAtCloudStackEntities() {
        assertArrayEquals(new Class<?>[] {Network.class}, NetworkResponse.class.getAnnotation(EntityReference.class).value());
        assertArrayEquals(new Class<?>[] {Vpc.class}, VpcResponse.class.getAnnotation(EntityReference.class).value());
        assertArrayEquals(new Class<?>[] {VirtualMachine.class},
                DomainRouterResponse.class.getAnnotation(EntityReference.class).value());
        assertArrayEquals(new Class<?>[] {ServiceOffering.class},
                ServiceOfferingResponse.class.getAnnotation(EntityReference.class).value());
    }

    @Test
    public void constantsCarryCloudStacksValues() {
        assertEquals("networkid", ApiConstants.NETWORK_ID);
        assertEquals("vpcid", ApiConstants.VPC_ID);
        assertEquals("routerid", ApiConstants.ROUTER_ID);
        assertEquals("serviceofferingid", ApiConstants.SERVICE_OFFERING_ID);
        assertEquals("pagesize", ApiConstants.PAGE_SIZE);
        assertEquals("network", BaseAsyncCmd.networkSyncObject);
        assertEquals("vpc", BaseAsyncCmd.vpcSyncObject);
        assertEquals("router.ip", NetworkElementCommand.ROUTER_IP);
        assertEquals("router.name", NetworkElementCommand.ROUTER_NAME);
        assertEquals("nic.multiqueue.number", VmDetailConstants.NIC_MULTIQUEUE_NUMBER);
        assertEquals("job.state", AsyncJob.Topics.JOB_STATE);
        assertEquals("/root/.ssh/id_rsa.cloud", new File(ServerResource.SSHPRVKEYPATH).getPath());
        assertEquals("Advanced", ConfigKey.CATEGORY_ADVANCED);
        assertEquals("Network", ConfigKey.CATEGORY_NETWORK);
        assertEquals(1L, User.UID_SYSTEM);
        assertEquals(1L, Account.ACCOUNT_ID_SYSTEM);
        assertEquals("ROUTER.START", EventTypes.EVENT_ROUTER_START);
        assertEquals("NETWORK.RESTART", EventTypes.EVENT_NETWORK_RESTART);
        assertEquals("NETWORK.OFFERING.ASSIGN", EventTypes.EVENT_NETWORK_OFFERING_ASSIGN);
        assertEquals("NETWORK.OFFERING.REMOVE", EventTypes.EVENT_NETWORK_OFFERING_REMOVE);
        assertEquals("Cloud.Com-SoftwareRouter", ServiceOffering.routerDefaultOffUniqueName);
        assertEquals(4, ComponentLifecycle.RUN_LEVEL_COMPONENT_BOOTSTRAP);
        assertEquals(530, ApiErrorCode.INTERNAL_ERROR.getHttpCode());
        assertEquals(431, ApiErrorCode.PARAM_ERROR.getHttpCode());
        assertEquals(8, RoleType.User.getMask());
    }

    @Test
    public void enumsListCloudStacksConstantsInOrder() {
        assertEquals(Arrays.asList("Starting", "Running", "Stopping", "Stopped", "Destroyed", "Expunging", "Migrating", "Error",
                "Unknown", "Shutdown", "Restoring"), names(VirtualMachine.State.values()));
        assertEquals(Arrays.asList("UNKNOWN", "PRIMARY", "BACKUP", "FAULT"), names(VirtualRouter.RedundantState.values()));
        assertEquals(Arrays.asList("Global", "Zone", "Cluster", "StoragePool", "ManagementServer", "ImageStore", "Domain",
                "Account"), names(ConfigKey.Scope.values()));
        assertEquals(Arrays.asList("BOOLEAN", "DATE", "FLOAT", "DOUBLE", "INTEGER", "SHORT", "LIST", "LONG", "OBJECT", "MAP",
                "STRING", "UUID"), names(BaseCmd.CommandType.values()));
        assertTrue(VirtualMachine.Type.DomainRouter.isUsedBySystem());
        assertFalse(VirtualMachine.Type.User.isUsedBySystem());
        assertSame(ConfigKey.Scope.Domain, ConfigKey.Scope.Account.getParent());
    }

    @Test
    public void networkEnumsListCloudStacksConstantsInOrder() {
        assertEquals(Arrays.asList("None", "Public", "Guest", "Storage", "Management", "Control", "Vpn"),
                names(Networks.TrafficType.values()));
        assertEquals(Arrays.asList("InternalLbProvider", "PublicLbProvider", "servicepackageuuid", "servicepackagedescription",
                "PromiscuousMode", "MacAddressChanges", "ForgedTransmits", "MacLearning", "RelatedNetworkOffering", "domainid",
                "zoneid", "pvlanType", "internetProtocol"), names(NetworkOffering.Detail.values()));
        assertEquals(Arrays.asList("Required", "Optional"), names(NetworkOffering.Availability.values()));
        assertEquals(Arrays.asList("Disabled", "Enabled"), names(NetworkOffering.State.values()));
        assertEquals(Arrays.asList("NATTED", "ROUTED"), names(NetworkOffering.NetworkMode.values()));
        assertEquals(Arrays.asList("Static", "Dynamic"), names(NetworkOffering.RoutingMode.values()));
        assertEquals(Arrays.asList("Disabled", "Enabled"), names(VpcOffering.State.values()));
        assertEquals(Arrays.asList("PlaceHolder", "Create", "Start", "Managed"), names(Nic.ReservationStrategy.values()));
        assertEquals(Arrays.asList("IPv4", "IPv6", "DualStack"), names(NetUtils.InternetProtocol.values()));
    }

    @Test
    public void networkServiceProviderAndCapabilityLookUpByNameLikeCloudStacks() {
        assertSame(Network.Service.Lb, Network.Service.getService("Lb"));
        assertSame(Network.Service.SourceNat, Network.Service.getService("sourcenat"));
        assertNull(Network.Service.getService("NoSuchService"));
        assertTrue(Arrays.asList(Network.Service.Gateway.getCapabilities()).contains(Network.Capability.RedundantRouter));

        assertSame(Network.Provider.VirtualRouter, Network.Provider.getProvider("VirtualRouter"));
        assertEquals("VpcVirtualRouter", Network.Provider.VPCVirtualRouter.getName());
        assertSame(Network.Provider.VPCVirtualRouter, Network.Provider.getProvider("VpcVirtualRouter"));
        assertNotSame(Network.Provider.VirtualRouter, Network.Provider.VPCVirtualRouter);

        assertSame(Network.Capability.RedundantRouter, Network.Capability.getCapability("RedundantRouter"));
        assertEquals("SupportedLbAlgorithms", Network.Capability.SupportedLBAlgorithms.getName());
        assertEquals("SupportedVpnTypes", Network.Capability.SupportedVpnProtocols.getName());

        assertSame(NetUtils.InternetProtocol.DualStack, NetUtils.InternetProtocol.fromValue("dualstack"));
        assertNull(NetUtils.InternetProtocol.fromValue(" "));
    }

    @Test
    public void abstractMethodsAreExactlyCloudStacksWhereThePluginExtends() throws Exception {
        Method execute = BaseCmd.class.getMethod("execute");
        assertTrue(Modifier.isAbstract(execute.getModifiers()));
        assertEquals(new HashSet<>(Arrays.asList(ResourceUnavailableException.class, InsufficientCapacityException.class,
                ServerApiException.class, ConcurrentOperationException.class, ResourceAllocationException.class,
                NetworkRuleConflictException.class)), new HashSet<>(Arrays.asList(execute.getExceptionTypes())));
        assertEquals(Arrays.asList("execute", "getEntityOwnerId"), abstractMethodNames(BaseCmd.class));
        assertTrue(Modifier.isAbstract(BaseAsyncCmd.class.getModifiers()));
        assertEquals(Arrays.asList("getEventDescription", "getEventType"), abstractMethodNames(BaseAsyncCmd.class));
        assertEquals(Collections.singletonList("create"), abstractMethodNames(BaseAsyncCreateCmd.class));
        assertEquals(Collections.emptyList(), abstractMethodNames(BaseListCmd.class));
        assertEquals(Collections.singletonList("executeInSequence"), abstractMethodNames(Command.class));
        assertEquals(Collections.emptyList(), abstractMethodNames(NetworkElementCommand.class));
        assertEquals(Collections.singletonList("execute"), abstractMethodNames(CommandWrapper.class));
        Method runInContext = ManagedContextRunnable.class.getDeclaredMethod("runInContext");
        assertTrue(Modifier.isAbstract(runInContext.getModifiers()) && Modifier.isProtected(runInContext.getModifiers()));
        assertFalse(Modifier.isAbstract(ManagerBase.class.getModifiers()));
    }

    @Test
    public void overloadSetsAreCloudStacksWhole() throws Exception {
        // A partial set lets any()-style calls compile here that are ambiguous against CloudStack.
        assertEquals(2, declaredCount(GenericDao.class, "remove"));
        assertEquals(2, declaredCount(GenericDao.class, "update"));
        assertEquals(11, declaredCount(UsageEventUtils.class, "publishUsageEvent"));
        assertEquals(4, declaredCount(Transaction.class, "execute"));
        assertEquals(4, declaredCount(AgentManager.class, "send"));
        // The real CallContext looks up the users it registers through this EntityManager; tests hand it one.
        Method init = CallContext.class.getMethod("init", EntityManager.class);
        assertTrue(Modifier.isStatic(init.getModifiers()));
        // Real ServerResourceBase leaves the ComponentLifecycle setters abstract; LibvirtComputingResource has them.
        assertEquals(0, declaredCount(ServerResourceBase.class, "setName"));
        assertEquals(1, declaredCount(LibvirtComputingResource.class, "setName"));
    }

    @Test
    public void typeHierarchyIsCloudStacks() {
        assertSame(VMInstanceVO.class, DomainRouterVO.class.getSuperclass());
        assertTrue(Arrays.asList(DomainRouterVO.class.getInterfaces()).contains(VirtualRouter.class));
        assertTrue(Arrays.asList(VirtualRouter.class.getInterfaces()).contains(VirtualMachine.class));
        assertSame(CloudRuntimeException.class, ServerApiException.class.getSuperclass());
        assertSame(CloudException.class, ResourceUnavailableException.class.getSuperclass());
        assertSame(ResourceUnavailableException.class, AgentUnavailableException.class.getSuperclass());
        assertSame(CloudRuntimeException.class, ConcurrentOperationException.class.getSuperclass());
        assertSame(Command.class, Answer.class.getSuperclass());

        ParameterizedType routerDao = (ParameterizedType) DomainRouterDao.class.getGenericInterfaces()[0];
        assertSame(GenericDao.class, routerDao.getRawType());
        assertArrayEquals(new Type[] {DomainRouterVO.class, Long.class}, routerDao.getActualTypeArguments());
        ParameterizedType detailsDao = (ParameterizedType) ResourceDetailsDao.class.getGenericInterfaces()[0];
        assertSame(GenericDao.class, detailsDao.getRawType());
        assertSame(Long.class, detailsDao.getActualTypeArguments()[1]);
    }

    @Test
    public void standInsDoNothingButReturnTrivialDefaults() throws Exception {
        assertNull(SshHelper.sshExecute("192.0.2.1", 3922, "root", new File("/nonexistent"), null, "true"));
        assertNull(Answer.createUnsupportedCommandAnswer(new RouterCommand()));
        assertNull(BaseCmd.getCommandNameByClass(BaseCmd.class));
        assertNull(RoleType.fromString("Admin"));
        assertNull(CallContext.current());
        assertNull(ComponentContext.getComponent(DomainRouterDao.class));
        assertFalse(new Commands(new RouterCommand()).isSuccessful());

        StateMachine2<VirtualMachine.State, VirtualMachine.Event, VirtualMachine> fsm = VirtualMachine.State.getStateMachine();
        StateListener<VirtualMachine.State, VirtualMachine.Event, VirtualMachine> listener = null;
        assertFalse(fsm.registerListener(listener));
        assertNull(fsm.getNextState(VirtualMachine.State.Stopped, VirtualMachine.Event.StartRequested));
        assertFalse(VirtualMachine.State.isVmStarted(VirtualMachine.State.Starting, VirtualMachine.Event.OperationSucceeded,
                VirtualMachine.State.Running));
    }

    @Test
    public void storingAccessorsBehaveLikePlainFields() {
        RouterCommand cmd = new RouterCommand();
        cmd.setAccessDetail(NetworkElementCommand.ROUTER_IP, "169.254.0.10");
        assertEquals("169.254.0.10", cmd.getAccessDetail(NetworkElementCommand.ROUTER_IP));
        assertNull(cmd.getAccessDetail(NetworkElementCommand.ROUTER_NAME));

        Answer answer = new Answer(cmd, false, "details");
        assertFalse(answer.getResult());
        assertEquals("details", answer.getDetails());
        assertTrue(new Answer(cmd).getResult());

        ServerApiException error = new ServerApiException(ApiErrorCode.PARAM_ERROR, "bad profile");
        assertEquals(ApiErrorCode.PARAM_ERROR, error.getErrorCode());
        assertEquals("bad profile", error.getMessage());

        SuccessResponse success = new SuccessResponse("scalevirtualrouterprofileresponse");
        assertEquals("scalevirtualrouterprofileresponse", success.getResponseName());
        assertEquals(Boolean.TRUE, success.getSuccess());

        ListResponse<SuccessResponse> list = new ListResponse<>();
        list.setResponses(Collections.singletonList(success), 7);
        assertEquals(Integer.valueOf(7), list.getCount());
        assertSame(success, list.getResponses().get(0));
    }

    @Test
    public void configKeyReturnsItsConstructorValuesAndParsedDefault() {
        ConfigKey<Integer> wait = new ConfigKey<>(ConfigKey.CATEGORY_ADVANCED, Integer.class, "vrscaling.wait", "120",
                "seconds to wait", true, ConfigKey.Scope.Zone);
        assertEquals("vrscaling.wait", wait.key());
        assertEquals("Advanced", wait.category());
        assertEquals("120", wait.defaultValue());
        assertTrue(wait.isDynamic());
        assertEquals(Collections.singletonList(ConfigKey.Scope.Zone), wait.getScopes());
        assertEquals(Integer.valueOf(120), wait.value());
        assertEquals(Integer.valueOf(120), wait.valueIn(42L));

        assertEquals(Collections.singletonList(ConfigKey.Scope.Global),
                new ConfigKey<>("Advanced", String.class, "k", "v", "d", false).getScopes());
        assertEquals(Boolean.TRUE, new ConfigKey<>("Advanced", Boolean.class, "b", "true", "d", false).value());
        assertEquals(Long.valueOf(5L), new ConfigKey<>("Advanced", Long.class, "l", "5", "d", false).value());
        assertEquals(Double.valueOf(0.5), new ConfigKey<>("Advanced", Double.class, "x", "0.5", "d", false).value());
    }

    @Test
    public void commandsSerializeWithoutTheirLogger() {
        RouterCommand cmd = new RouterCommand();
        cmd.setAccessDetail(NetworkElementCommand.ROUTER_NAME, "r-12-VM");
        Gson gson = new Gson();
        String json = gson.toJson(cmd);
        assertFalse(json, json.contains("logger"));
        RouterCommand back = gson.fromJson(json, RouterCommand.class);
        assertEquals("r-12-VM", back.getAccessDetail(NetworkElementCommand.ROUTER_NAME));

        Answer answer = gson.fromJson(gson.toJson(new Answer(cmd, false, "no")), Answer.class);
        assertFalse(answer.getResult());
        assertEquals("no", answer.getDetails());
    }

    private static void assertTargets(Class<? extends Annotation> annotation, ElementType... expected) {
        Target target = annotation.getAnnotation(Target.class);
        assertEquals(annotation.getName(), new HashSet<>(Arrays.asList(expected)),
                target == null ? null : new HashSet<>(Arrays.asList(target.value())));
    }

    private static List<String> names(Enum<?>[] values) {
        String[] names = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            names[i] = values[i].name();
        }
        return Arrays.asList(names);
    }

    private static int declaredCount(Class<?> type, String name) {
        int count = 0;
        for (Method m : type.getDeclaredMethods()) {
            if (m.getName().equals(name) && !m.isSynthetic()) {
                count++;
            }
        }
        return count;
    }

    private static List<String> abstractMethodNames(Class<?> type) {
        Set<String> names = new HashSet<>();
        for (Method m : type.getDeclaredMethods()) {
            if (Modifier.isAbstract(m.getModifiers())) {
                names.add(m.getName());
            }
        }
        String[] sorted = names.toArray(new String[0]);
        Arrays.sort(sorted);
        return Arrays.asList(sorted);
    }
}
