package org.apache.cloudstack.vrscaling.discovery;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.cloudstack.api.BaseListCmd;
import org.apache.cloudstack.api.Parameter;
import org.apache.cloudstack.vrscaling.VrScalingManagerImpl;
import org.junit.BeforeClass;
import org.junit.Test;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * The plugin's APIs as CloudMonkey and the UI discover them: generates the listApis entries from the annotations
 * (written to target/listApis-vr-scaling.json) and checks what cmk and the UI rely on.
 */
public class ListApisDiscoveryTest {
    private static final String PLUGIN_PACKAGE = "org.apache.cloudstack.api.command.admin.vrscaling";
    private static final Set<String> BASE_LIST_PARAMS = Set.of("keyword", "page", "pagesize");
    private static final List<String> PROFILE_APIS = List.of("createVirtualRouterProfile", "listVirtualRouterProfiles",
            "updateVirtualRouterProfile", "deleteVirtualRouterProfile", "scaleVirtualRouterProfile");
    /** CloudStack 4.22 list APIs by cmk noun (a subset: the ones a router-related argument can point at). */
    private static final Map<String, String> CLOUDSTACK_LIST_APIS = Map.ofEntries(
            Map.entry("networks", "listNetworks"), Map.entry("vpcs", "listVPCs"), Map.entry("routers", "listRouters"),
            Map.entry("serviceofferings", "listServiceOfferings"), Map.entry("accounts", "listAccounts"),
            Map.entry("zones", "listZones"), Map.entry("pods", "listPods"), Map.entry("clusters", "listClusters"),
            Map.entry("hosts", "listHosts"), Map.entry("domains", "listDomains"),
            Map.entry("projects", "listProjects"), Map.entry("networkofferings", "listNetworkOfferings"),
            Map.entry("vpcofferings", "listVPCOfferings"), Map.entry("virtualmachines", "listVirtualMachines"),
            Map.entry("systemvms", "listSystemVms"), Map.entry("templates", "listTemplates"),
            Map.entry("storagepools", "listStoragePools"), Map.entry("users", "listUsers"));

    private static List<Class<?>> commands;
    private static Map<String, Map<String, Object>> apis;

    @BeforeClass
    public static void generate() throws IOException {
        commands = new VrScalingManagerImpl().getCommands();
        apis = new LinkedHashMap<>();
        for (Map<String, Object> api : ListApisGenerator.generate(commands)) {
            apis.put((String) api.get("name"), api);
        }
        Path out = Paths.get("target", "listApis-vr-scaling.json");
        Files.createDirectories(out.getParent());
        Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            gson.toJson(ListApisGenerator.listApisResponse(commands), writer);
        }
    }

    @Test
    public void theFiveApisAreDiscoveredWithTheirExactNames() {
        assertTrue(apis.keySet().toString(), apis.keySet().containsAll(PROFILE_APIS));
        assertEquals("one entry per command class", commands.size(), apis.size());
        for (Map<String, Object> api : apis.values()) {
            assertFalse(api.get("name") + ": description", ((String) api.get("description")).trim().isEmpty());
            assertEquals(api.get("name") + ": since", "4.22.0", api.get("since"));
        }
    }

    @Test
    public void cloudMonkeySplitsThemIntoVerbAndNoun() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("createVirtualRouterProfile", "create virtualrouterprofile");
        expected.put("listVirtualRouterProfiles", "list virtualrouterprofiles");
        expected.put("updateVirtualRouterProfile", "update virtualrouterprofile");
        expected.put("deleteVirtualRouterProfile", "delete virtualrouterprofile");
        expected.put("scaleVirtualRouterProfile", "scale virtualrouterprofile");
        for (String name : PROFILE_APIS) {
            assertEquals(name, expected.get(name), CloudMonkeyRules.verb(name) + " " + CloudMonkeyRules.noun(name));
        }
    }

    @Test
    public void diagnosisIsAnAsyncGetWithEveryParameterDescribed() {
        assertEquals("get virtualrouterdiagnosis", CloudMonkeyRules.verb("getVirtualRouterDiagnosis") + " "
                + CloudMonkeyRules.noun("getVirtualRouterDiagnosis"));
        assertEquals(Boolean.TRUE, apis.get("getVirtualRouterDiagnosis").get("isasync"));
        assertDescribed("getVirtualRouterDiagnosis", params("getVirtualRouterDiagnosis"));
    }

    @Test
    public void scaleIsAsyncAndTheProfileApisAreNot() {
        for (String name : PROFILE_APIS) {
            boolean expectAsync = "scaleVirtualRouterProfile".equals(name);
            assertEquals(name + ": isasync", expectAsync, apis.get(name).get("isasync"));
        }
    }

    @Test
    public void everyPluginParameterIsDescribedAndInheritedOnesAreOnlyPaging() {
        for (Class<?> command : commands) {
            String api = ListApisGenerator.apiCommand(command).name();
            for (Field field : ListApisGenerator.parameterFields(command)) {
                Parameter parameter = field.getAnnotation(Parameter.class);
                String where = api + "." + parameter.name();
                if (field.getDeclaringClass().getName().startsWith(PLUGIN_PACKAGE)) {
                    assertFalse(where + " has no description", parameter.description().trim().isEmpty());
                } else {
                    // CloudStack's own BaseListCmd paging parameters (described by CloudStack, not by this plugin)
                    assertEquals(where + " is inherited from " + field.getDeclaringClass().getName(),
                            BaseListCmd.class, field.getDeclaringClass());
                    assertTrue(where, BASE_LIST_PARAMS.contains(parameter.name()));
                }
            }
        }
        List<Map<String, Object>> listParams = params("listVirtualRouterProfiles");
        assertTrue("list API takes keyword/page/pagesize", names(listParams).containsAll(BASE_LIST_PARAMS));
    }

    @Test
    public void everyResponseFieldIsDescribedAndTyped() {
        for (Map<String, Object> api : apis.values()) {
            assertDescribed(api.get("name") + ".response", responses(api));
        }
        List<String> profileFields = names(responses(apis.get("listVirtualRouterProfiles")));
        assertTrue(profileFields.toString(), profileFields.containsAll(
                List.of("id", "name", "cpunumber", "memory", "tuning", "networkcount", "vpccount")));
        Map<String, Object> router = field(responses(apis.get("scaleVirtualRouterProfile")), "router");
        assertEquals("list", router.get("type"));
        assertTrue("scale response nests the router fields",
                names(nested(router)).containsAll(List.of("id", "name", "plannedsteps", "rebootcount")));
    }

    @Test
    public void uuidParametersAreTypedUuidAndNameTheirEntity() {
        int uuids = 0;
        for (Class<?> command : commands) {
            String api = ListApisGenerator.apiCommand(command).name();
            for (Field field : ListApisGenerator.parameterFields(command)) {
                Parameter parameter = field.getAnnotation(Parameter.class);
                boolean looksLikeId = parameter.name().endsWith("id") || parameter.name().endsWith("ids");
                if (!looksLikeId) {
                    continue;
                }
                uuids++;
                String where = api + "." + parameter.name();
                assertEquals(where + " must be typed uuid", "uuid", parameter.type().toString().toLowerCase());
                assertNotEquals(where + " has no entityType", Object.class, parameter.entityType()[0]);
            }
        }
        for (Map<String, Object> param : params("scaleVirtualRouterProfile")) {
            if (((String) param.get("name")).endsWith("id")) {
                assertEquals(param.get("name") + " type", "uuid", param.get("type"));
                assertNotNull(param.get("name") + " related", param.get("related"));
            }
        }
        assertTrue("the plugin takes id parameters", uuids >= 7);
    }

    @Test
    public void requiredParametersAreTheOnesCloudStackWouldRefuseWithout() {
        assertEquals(List.of("profileid"), requiredNames("scaleVirtualRouterProfile"));
        assertEquals(List.of("id"), requiredNames("updateVirtualRouterProfile"));
        assertEquals(List.of("id"), requiredNames("deleteVirtualRouterProfile"));
        assertEquals(List.of(), requiredNames("listVirtualRouterProfiles"));
    }

    /**
     * cmk completes {@code <x>id=} from the list API whose noun is {@code <x>s} and {@code id=} from {@code list<noun>s}
     * (cli/completer.go findAutocompleteAPI). Every id argument must land on a list API that exists.
     */
    @Test
    public void cloudMonkeyCompletesEveryIdArgumentFromAnExistingListApi() {
        Map<String, String> pluginListApis = new LinkedHashMap<>();
        for (String name : apis.keySet()) {
            if ("list".equals(CloudMonkeyRules.verb(name))) {
                pluginListApis.put(CloudMonkeyRules.noun(name), name);
            }
        }
        assertEquals("listVirtualRouterProfiles", pluginListApis.get("virtualrouterprofiles"));

        List<String> failures = new ArrayList<>();
        Map<String, String> resolved = new LinkedHashMap<>();
        for (Map<String, Object> api : apis.values()) {
            String apiName = (String) api.get("name");
            for (Map<String, Object> param : params(apiName)) {
                String arg = (String) param.get("name");
                String type = (String) param.get("type");
                if (!CloudMonkeyRules.completesFromListApi(arg, type)) {
                    continue;
                }
                String noun = CloudMonkeyRules.completionNoun(arg, type, apiName);
                String target = pluginListApis.containsKey(noun) ? pluginListApis.get(noun)
                        : CLOUDSTACK_LIST_APIS.get(noun);
                if (target == null) {
                    failures.add(apiName + " " + arg + "=: cmk looks for a list API with noun '" + noun + "' (list"
                            + noun + "), which is neither this plugin's nor one of the CloudStack list APIs this test "
                            + "knows " + CLOUDSTACK_LIST_APIS.values() + ", so the argument likely gets no "
                            + "completion; name it after its list API (e.g. virtualrouterprofileid for "
                            + "listVirtualRouterProfiles), or add the CloudStack API here if it exists");
                } else {
                    resolved.put(apiName + " " + arg + "=", target);
                }
            }
        }
        assertEquals("listVirtualRouterProfiles", resolved.get("updateVirtualRouterProfile id="));
        assertEquals("listVirtualRouterProfiles", resolved.get("deleteVirtualRouterProfile id="));
        assertEquals("listVirtualRouterProfiles", resolved.get("listVirtualRouterProfiles id="));
        assertEquals("listNetworks", resolved.get("scaleVirtualRouterProfile networkid="));
        assertEquals("listVPCs", resolved.get("scaleVirtualRouterProfile vpcid="));
        assertEquals("listRouters", resolved.get("scaleVirtualRouterProfile routerid="));
        assertEquals("listServiceOfferings", resolved.get("createVirtualRouterProfile serviceofferingid="));
        // The one argument cmk cannot complete: the API contract (issue 3, the product's cmk example) names it
        // profileid, and cmk would look for a listProfiles API. Any other gap fails the test.
        failures.removeIf(f -> f.startsWith("scaleVirtualRouterProfile profileid=: "));
        assertNull("profileid must stay the only gap", resolved.get("scaleVirtualRouterProfile profileid="));
        if (!failures.isEmpty()) {
            fail("CloudMonkey id completion: " + String.join("; ", failures));
        }
    }

    @Test
    public void theGeneratedJsonIsInTheBuildOutput() throws IOException {
        Path out = Paths.get("target", "listApis-vr-scaling.json");
        String json = new String(Files.readAllBytes(out), StandardCharsets.UTF_8);
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = new Gson().fromJson(json, Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) parsed.get("listapisresponse");
        assertEquals((double) apis.size(), body.get("count"));
        assertTrue(json.contains("\"scaleVirtualRouterProfile\""));
    }

    private static void assertDescribed(String where, List<Map<String, Object>> fields) {
        for (Map<String, Object> f : fields) {
            String at = where + "." + f.get("name");
            assertFalse(at + " has no description", ((String) f.get("description")).trim().isEmpty());
            assertFalse(at + " has no type", ((String) f.get("type")).isEmpty());
            if (f.containsKey("response")) {
                assertDescribed(at, nested(f));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> params(String api) {
        return (List<Map<String, Object>>) apis.get(api).get("params");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> responses(Map<String, Object> api) {
        return (List<Map<String, Object>>) api.get("response");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nested(Map<String, Object> field) {
        return (List<Map<String, Object>>) field.get("response");
    }

    private static Map<String, Object> field(List<Map<String, Object>> fields, String name) {
        for (Map<String, Object> f : fields) {
            if (name.equals(f.get("name"))) {
                return f;
            }
        }
        throw new AssertionError("no response field " + name);
    }

    private static List<String> names(List<Map<String, Object>> items) {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> item : items) {
            names.add((String) item.get("name"));
        }
        return names;
    }

    private static List<String> requiredNames(String api) {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> param : params(api)) {
            if (Boolean.TRUE.equals(param.get("required"))) {
                names.add((String) param.get("name"));
            }
        }
        return names;
    }
}
