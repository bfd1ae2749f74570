package org.apache.cloudstack.vrscaling;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.cloudstack.acl.RoleType;
import org.apache.cloudstack.acl.SecurityChecker;
import org.apache.cloudstack.api.ACL;
import org.apache.cloudstack.api.APICommand;
import org.apache.cloudstack.api.BaseAsyncCmd;
import org.apache.cloudstack.api.BaseCmd;
import org.apache.cloudstack.api.BaseResponse;
import org.apache.cloudstack.api.Parameter;
import org.apache.cloudstack.api.command.admin.vrscaling.ClearVirtualRouterProfilePlanCmd;
import org.apache.cloudstack.api.command.admin.vrscaling.CreateVirtualRouterProfileCmd;
import org.apache.cloudstack.api.command.admin.vrscaling.GetVirtualRouterDiagnosisCmd;
import org.apache.cloudstack.api.command.admin.vrscaling.ListVirtualRouterProfilesCmd;
import org.apache.cloudstack.api.command.admin.vrscaling.ResetVirtualRouterProfileCmd;
import org.apache.cloudstack.api.command.admin.vrscaling.ScaleVirtualRouterProfileCmd;
import org.apache.cloudstack.api.command.admin.vrscaling.UpdateVirtualRouterProfileCmd;
import org.apache.cloudstack.vrscaling.core.sizing.TuningKey;
import org.junit.Test;
import org.springframework.test.util.ReflectionTestUtils;

import com.cloud.network.Network;
import com.cloud.network.router.VirtualRouter;
import com.cloud.network.vpc.Vpc;
import com.cloud.serializer.Param;
import com.cloud.user.Account;
import com.cloud.utils.db.EntityManager;
import com.google.gson.annotations.SerializedName;

/** What CloudMonkey, the UI and API docs rely on, checked for every command the manager exposes. */
public class ApiContractTest {
    private static final String PLUGIN_API_PACKAGE = "org.apache.cloudstack.api.command.admin.vrscaling";

    private final List<Class<?>> commands = new VrScalingManagerImpl().getCommands();

    @Test
    public void managerExposesTheEightCommands() {
        Set<String> names = new HashSet<>();
        for (Class<?> command : commands) {
            names.add(command.getAnnotation(APICommand.class).name());
        }
        assertEquals(Set.of("createVirtualRouterProfile", "listVirtualRouterProfiles", "updateVirtualRouterProfile",
                "deleteVirtualRouterProfile", "scaleVirtualRouterProfile", "resetVirtualRouterProfile",
                "getVirtualRouterDiagnosis", "clearVirtualRouterProfilePlan"), names);
    }

    @Test
    public void everyCommandIsAnnotatedForAdminsWithDescriptionAndSince() {
        for (Class<?> command : commands) {
            APICommand api = command.getAnnotation(APICommand.class);
            assertNotNull(command + " lacks @APICommand", api);
            assertTrue(command + ": description", api.description().trim().length() > 20);
            assertEquals(command + ": since", "4.22.0", api.since());
            assertArrayEquals(command + ": authorized", new RoleType[] {RoleType.Admin}, api.authorized());
            assertFalse(command + ": requestHasSensitiveInfo", api.requestHasSensitiveInfo());
            assertFalse(command + ": responseHasSensitiveInfo", api.responseHasSensitiveInfo());
            assertTrue(command + " must be a BaseCmd", BaseCmd.class.isAssignableFrom(command));
        }
    }

    @Test
    public void everyParameterIsDescribedAndUuidParametersNameTheirEntity() {
        for (Class<?> command : commands) {
            for (Field field : pluginParameterFields(command)) {
                Parameter parameter = field.getAnnotation(Parameter.class);
                String where = command.getSimpleName() + "." + parameter.name();
                assertFalse(where + " has no description", parameter.description().trim().isEmpty());
                assertFalse(where + " has no name", parameter.name().isEmpty());
                if (parameter.type() == BaseCmd.CommandType.UUID) {
                    Class<?>[] entity = parameter.entityType();
                    assertTrue(where + " is a UUID without entityType", entity.length > 0 && entity[0] != Object.class);
                    assertTrue(where + " entityType must be a response class",
                            BaseResponse.class.isAssignableFrom(entity[0]));
                }
            }
        }
    }

    @Test
    public void everyResponseFieldIsSerializedAndDescribed() {
        for (Class<?> command : commands) {
            checkResponse(command.getAnnotation(APICommand.class).responseObject(), new HashSet<>());
        }
    }

    @Test
    public void commandsThatTalkToRoutersAreAsyncAndTheOthersAreNot() {
        // scale restarts routers; diagnose runs a sampled measurement in each router over the agent; clearing a
        // stuck plan starts the routers it had stopped.
        Set<Class<?>> async = Set.of(ScaleVirtualRouterProfileCmd.class, GetVirtualRouterDiagnosisCmd.class,
                ClearVirtualRouterProfilePlanCmd.class);
        for (Class<?> command : commands) {
            assertEquals(command.getSimpleName() + " async", async.contains(command),
                    BaseAsyncCmd.class.isAssignableFrom(command));
        }
    }

    @Test
    public void everyNetworkVpcAndRouterParameterIsAccessCheckedBeforeTheCommandRuns() {
        // CloudStack's parameter processing checks @ACL entities against the caller before a job is queued; the
        // list API only shows a network's or VPC's binding, so seeing the network is enough there.
        Set<String> scoped = Set.of("networkid", "vpcid", "routerid");
        int checked = 0;
        for (Class<?> command : commands) {
            for (Field field : pluginParameterFields(command)) {
                if (scoped.contains(field.getAnnotation(Parameter.class).name())) {
                    ACL acl = field.getAnnotation(ACL.class);
                    String where = command.getSimpleName() + "." + field.getAnnotation(Parameter.class).name();
                    assertNotNull(where + " lacks @ACL", acl);
                    assertEquals(where, command == ListVirtualRouterProfilesCmd.class
                            ? SecurityChecker.AccessType.ListEntry : SecurityChecker.AccessType.OperateEntry,
                            acl.accessType());
                    checked++;
                }
            }
        }
        assertEquals("scale 3, diagnose 3, reset 2, clear 2, list 2", 12, checked);
    }

    @Test
    public void commandsOnANetworkVpcOrRouterActForItsOwner() {
        Network network = mock(Network.class);
        when(network.getAccountId()).thenReturn(41L);
        Vpc vpc = mock(Vpc.class);
        when(vpc.getAccountId()).thenReturn(42L);
        VirtualRouter router = mock(VirtualRouter.class);
        when(router.getAccountId()).thenReturn(43L);
        EntityManager entities = mock(EntityManager.class);
        when(entities.findById(Network.class, 1L)).thenReturn(network);
        when(entities.findById(Vpc.class, 2L)).thenReturn(vpc);
        when(entities.findById(VirtualRouter.class, 3L)).thenReturn(router);

        ScaleVirtualRouterProfileCmd scale = new ScaleVirtualRouterProfileCmd();
        scale._entityMgr = entities;
        ReflectionTestUtils.setField(scale, "networkId", 1L);
        assertEquals(41L, scale.getEntityOwnerId());
        ReflectionTestUtils.setField(scale, "networkId", null);
        ReflectionTestUtils.setField(scale, "routerId", 3L);
        assertEquals(43L, scale.getEntityOwnerId());

        GetVirtualRouterDiagnosisCmd diagnose = new GetVirtualRouterDiagnosisCmd();
        diagnose._entityMgr = entities;
        ReflectionTestUtils.setField(diagnose, "vpcId", 2L);
        assertEquals(42L, diagnose.getEntityOwnerId());

        ResetVirtualRouterProfileCmd reset = new ResetVirtualRouterProfileCmd();
        reset._entityMgr = entities;
        ReflectionTestUtils.setField(reset, "networkId", 1L);
        assertEquals(41L, reset.getEntityOwnerId());

        ClearVirtualRouterProfilePlanCmd clear = new ClearVirtualRouterProfilePlanCmd();
        clear._entityMgr = entities;
        ReflectionTestUtils.setField(clear, "vpcId", 2L);
        assertEquals(42L, clear.getEntityOwnerId());
        // Unknown ids fall back to the system account; the service then names the missing id.
        ReflectionTestUtils.setField(clear, "vpcId", 99L);
        assertEquals(Account.ACCOUNT_ID_SYSTEM, clear.getEntityOwnerId());
    }

    @Test
    public void createAndUpdateTakeOneParameterPerTuningKey() {
        for (Class<?> command : List.of(CreateVirtualRouterProfileCmd.class, UpdateVirtualRouterProfileCmd.class)) {
            Set<String> names = new HashSet<>();
            for (Field field : pluginParameterFields(command)) {
                names.add(field.getAnnotation(Parameter.class).name());
            }
            for (TuningKey key : TuningKey.values()) {
                assertTrue(command.getSimpleName() + " lacks " + key.parameterName(),
                        names.contains(key.parameterName()));
            }
        }
    }

    private static List<Field> pluginParameterFields(Class<?> command) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = command; c != null && c != Object.class; c = c.getSuperclass()) {
            if (!c.getPackage().getName().equals(PLUGIN_API_PACKAGE)) {
                continue;
            }
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(Parameter.class)) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private static void checkResponse(Class<?> response, Set<Class<?>> seen) {
        if (!seen.add(response)
                || !response.getPackage().getName().startsWith("org.apache.cloudstack.api.response.vrscaling")) {
            return;
        }
        for (Field field : response.getDeclaredFields()) {
            String where = response.getSimpleName() + "." + field.getName();
            assertNotNull(where + " lacks @SerializedName", field.getAnnotation(SerializedName.class));
            Param param = field.getAnnotation(Param.class);
            assertNotNull(where + " lacks @Param", param);
            assertFalse(where + " has no description", param.description().trim().isEmpty());
            if (field.getGenericType() instanceof ParameterizedType) {
                Class<?> item = (Class<?>) ((ParameterizedType) field.getGenericType()).getActualTypeArguments()[0];
                if (BaseResponse.class.isAssignableFrom(item)) {
                    assertEquals(where + " responseObject", item, param.responseObject());
                    checkResponse(item, seen);
                }
            }
        }
    }
}
