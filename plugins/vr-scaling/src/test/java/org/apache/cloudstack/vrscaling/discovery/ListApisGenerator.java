package org.apache.cloudstack.vrscaling.discovery;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.cloudstack.api.APICommand;
import org.apache.cloudstack.api.BaseAsyncCmd;
import org.apache.cloudstack.api.BaseAsyncCreateCmd;
import org.apache.cloudstack.api.BaseCmd;
import org.apache.cloudstack.api.BaseResponse;
import org.apache.cloudstack.api.Parameter;
import org.apache.cloudstack.api.response.DomainRouterResponse;
import org.apache.cloudstack.api.response.NetworkResponse;
import org.apache.cloudstack.api.response.ServiceOfferingResponse;
import org.apache.cloudstack.api.response.VpcResponse;

import com.cloud.serializer.Param;
import com.google.gson.annotations.SerializedName;

/**
 * Builds the {@code listApis} entries CloudStack's ApiDiscoveryServiceImpl would publish for a set of command classes,
 * from the same annotations and by the same rules:
 * <ul>
 * <li>name/description/since from {@code @APICommand}; isasync when the class descends from BaseAsyncCmd or
 * BaseAsyncCreateCmd;</li>
 * <li>params: {@code @Parameter} fields of the class and its superclasses except BaseCmd, BaseAsyncCmd and
 * BaseAsyncCreateCmd themselves, when {@code expose} and {@code includeInApiDoc}; type is the CommandType
 * lowercased; related is the comma-joined names of the APIs whose responseObject is the entityType (or absent);</li>
 * <li>response: {@code @SerializedName}+{@code @Param} fields of the responseObject and its superclasses, type is the
 * field's simple class name lowercased; a {@code @Param(responseObject)} that extends BaseResponse directly nests its
 * declared fields;</li>
 * <li>an API's related is the other APIs with the same responseObject (none for SuccessResponse).</li>
 * </ul>
 * Two differences, both on purpose: unannotated response fields, which the server emits as empty objects, are left
 * out; and for CloudStack's own response classes only the APIs in {@link #CORE_APIS_BY_RESPONSE} are known here (the
 * server would name every API that returns them).
 */
public final class ListApisGenerator {
    /** CloudStack 4.22 APIs returning the core response classes this plugin's parameters point at (a subset). */
    static final Map<Class<?>, List<String>> CORE_APIS_BY_RESPONSE = new LinkedHashMap<>();

    static {
        CORE_APIS_BY_RESPONSE.put(NetworkResponse.class, List.of("createNetwork", "listNetworks", "updateNetwork"));
        CORE_APIS_BY_RESPONSE.put(VpcResponse.class, List.of("createVPC", "listVPCs", "updateVPC"));
        CORE_APIS_BY_RESPONSE.put(DomainRouterResponse.class, List.of("listRouters", "startRouter", "stopRouter",
                "rebootRouter", "destroyRouter", "changeServiceForRouter"));
        CORE_APIS_BY_RESPONSE.put(ServiceOfferingResponse.class,
                List.of("createServiceOffering", "listServiceOfferings", "updateServiceOffering"));
    }

    private static final List<Class<?>> EXCLUDED_BASES = List.of(BaseCmd.class, BaseAsyncCmd.class,
            BaseAsyncCreateCmd.class);
    private static final List<Class<?>> ASYNC_BASES = List.of(BaseAsyncCmd.class, BaseAsyncCreateCmd.class);

    private ListApisGenerator() {
    }

    /** One listApis entry per command class, in the order given. */
    public static List<Map<String, Object>> generate(Collection<Class<?>> commandClasses) {
        Map<String, List<String>> apisByResponse = new LinkedHashMap<>();
        for (Map.Entry<Class<?>, List<String>> core : CORE_APIS_BY_RESPONSE.entrySet()) {
            apisByResponse.put(core.getKey().getName(), new ArrayList<>(core.getValue()));
        }
        List<Class<?>> documented = new ArrayList<>();
        for (Class<?> commandClass : commandClasses) {
            APICommand api = apiCommand(commandClass);
            if (api == null || !api.includeInApiDoc() || api.name().isEmpty()) {
                continue;
            }
            documented.add(commandClass);
            String responseName = api.responseObject().getName();
            if (!responseName.contains("SuccessResponse")) {
                apisByResponse.computeIfAbsent(responseName, k -> new ArrayList<>()).add(api.name());
            }
        }

        List<Map<String, Object>> entries = new ArrayList<>();
        for (Class<?> commandClass : documented) {
            APICommand api = apiCommand(commandClass);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", api.name());
            entry.put("description", api.description());
            if (!api.since().isEmpty()) {
                entry.put("since", api.since());
            }
            entry.put("isasync", isAsync(commandClass));
            List<String> related = new ArrayList<>(
                    apisByResponse.getOrDefault(api.responseObject().getName(), List.of()));
            related.remove(api.name());
            if (!related.isEmpty()) {
                entry.put("related", String.join(",", related));
            }
            entry.put("params", params(commandClass, apisByResponse));
            entry.put("response", responseFields(api.responseObject()));
            entries.add(entry);
        }
        return entries;
    }

    /** The whole listApis answer, as the API server wraps it. */
    public static Map<String, Object> listApisResponse(Collection<Class<?>> commandClasses) {
        List<Map<String, Object>> apis = generate(commandClasses);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", apis.size());
        body.put("api", apis);
        Map<String, Object> wrapper = new LinkedHashMap<>();
        wrapper.put("listapisresponse", body);
        return wrapper;
    }

    static APICommand apiCommand(Class<?> commandClass) {
        APICommand api = commandClass.getAnnotation(APICommand.class);
        if (api == null && commandClass.getSuperclass() != null) {
            api = commandClass.getSuperclass().getAnnotation(APICommand.class);
        }
        return api;
    }

    static boolean isAsync(Class<?> commandClass) {
        for (Class<?> c = commandClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Class<?> base : ASYNC_BASES) {
                if (c.getName().equals(base.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The @Parameter fields discovery sees, with the class declaring each (sorted by name for stable output). */
    static List<Field> parameterFields(Class<?> commandClass) {
        List<Field> fields = new ArrayList<>(Arrays.asList(commandClass.getDeclaredFields()));
        for (Class<?> c = commandClass.getSuperclass(); c != null && c != Object.class; c = c.getSuperclass()) {
            if (!EXCLUDED_BASES.contains(c)) {
                fields.addAll(Arrays.asList(c.getDeclaredFields()));
            }
        }
        List<Field> parameters = new ArrayList<>();
        for (Field field : fields) {
            Parameter parameter = field.getAnnotation(Parameter.class);
            if (parameter != null && parameter.expose() && parameter.includeInApiDoc()) {
                parameters.add(field);
            }
        }
        parameters.sort(Comparator.comparing(f -> f.getAnnotation(Parameter.class).name()));
        return parameters;
    }

    private static List<Map<String, Object>> params(Class<?> commandClass, Map<String, List<String>> apisByResponse) {
        List<Map<String, Object>> params = new ArrayList<>();
        for (Field field : parameterFields(commandClass)) {
            Parameter parameter = field.getAnnotation(Parameter.class);
            Map<String, Object> param = new LinkedHashMap<>();
            param.put("name", parameter.name());
            param.put("description", parameter.description());
            param.put("type", parameter.type().toString().toLowerCase());
            param.put("length", parameter.length());
            param.put("required", parameter.required());
            if (!parameter.since().isEmpty()) {
                param.put("since", parameter.since());
            }
            List<String> related = apisByResponse.get(parameter.entityType()[0].getName());
            if (related != null) {
                param.put("related", String.join(",", related));
            }
            params.add(param);
        }
        return params;
    }

    /** The @SerializedName+@Param fields of a response class and its superclasses, nested objects expanded. */
    static List<Map<String, Object>> responseFields(Class<?> responseClass) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = responseClass; c != null && c != Object.class; c = c.getSuperclass()) {
            fields.addAll(Arrays.asList(c.getDeclaredFields()));
        }
        return describe(fields);
    }

    private static List<Map<String, Object>> describe(List<Field> fields) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Field field : fields) {
            SerializedName serializedName = field.getAnnotation(SerializedName.class);
            Param param = field.getAnnotation(Param.class);
            if (serializedName == null || param == null) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", serializedName.value());
            item.put("description", param.description());
            item.put("type", field.getType().getSimpleName().toLowerCase());
            Class<?> nested = param.responseObject();
            if (nested != null && nested.getSuperclass() == BaseResponse.class) {
                List<Map<String, Object>> inner = describe(Arrays.asList(nested.getDeclaredFields()));
                if (!inner.isEmpty()) {
                    item.put("response", inner);
                }
            }
            out.add(item);
        }
        out.sort(Comparator.comparing(m -> (String) m.get("name")));
        return out;
    }
}
