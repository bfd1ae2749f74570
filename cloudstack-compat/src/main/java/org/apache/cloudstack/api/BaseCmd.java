package org.apache.cloudstack.api;

import java.lang.reflect.Field;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import com.cloud.exception.ConcurrentOperationException;
import com.cloud.exception.InsufficientCapacityException;
import com.cloud.exception.NetworkRuleConflictException;
import com.cloud.exception.ResourceAllocationException;
import com.cloud.exception.ResourceUnavailableException;
import com.cloud.network.NetworkModel;
import com.cloud.network.VpcVirtualNetworkApplianceService;
import com.cloud.user.AccountService;
import com.cloud.utils.db.EntityManager;

// Compile-only stand-in (see cloudstack-compat/README.md): real names and signatures, no logic.
public abstract class BaseCmd {

    public enum HTTPMethod {
        GET, POST, PUT, DELETE
    }

    public enum CommandType {
        BOOLEAN, DATE, FLOAT, DOUBLE, INTEGER, SHORT, LIST, LONG, OBJECT, MAP, STRING, UUID
    }

    public static final String RESPONSE_SUFFIX = "response";
    public static final String RESPONSE_TYPE_XML = "xml";
    public static final String RESPONSE_TYPE_JSON = "json";
    public static final String USER_ERROR_MESSAGE =
            "Internal error executing command, please contact your system administrator";
    public static Pattern newInputDateFormat;

    protected Logger logger = LogManager.getLogger(getClass());

    // Subset of the injected service fields: only those whose types compat declares.
    public AccountService _accountService;
    public VpcVirtualNetworkApplianceService _routerService;
    public NetworkModel _ntwkModel;
    public EntityManager _entityMgr;

    private Object responseObject;

    public BaseCmd() {
    }

    public abstract void execute() throws ResourceUnavailableException, InsufficientCapacityException, ServerApiException,
            ConcurrentOperationException, ResourceAllocationException, NetworkRuleConflictException;

    public void configure() {
    }

    public HTTPMethod getHttpMethod() {
        return null;
    }

    public void setHttpMethod(String method) {
    }

    public String getResponseType() {
        return null;
    }

    public void setResponseType(String responseType) {
    }

    public static String getCommandNameByClass(Class<?> clazz) {
        return null;
    }

    public String getActualCommandName() {
        return null;
    }

    public String getCommandName() {
        return null;
    }

    public static String getResponseNameByClass(Class<?> clazz) {
        return null;
    }

    public abstract long getEntityOwnerId();

    public List<Long> getEntityOwnerIds() {
        return null;
    }

    public Object getResponseObject() {
        return responseObject;
    }

    public void setResponseObject(Object responseObject) {
        this.responseObject = responseObject;
    }

    public static String getDateString(Date date) {
        return null;
    }

    public List<Field> getParamFields() {
        return null;
    }

    public void setFullUrlParams(Map<String, String> map) {
    }

    public Map<String, String> getFullUrlParams() {
        return null;
    }

    public void validateSpecificParameters(Map<String, String> params) {
    }

    public boolean isDisplay() {
        return false;
    }

    public Long getApiResourceId() {
        return null;
    }

    public ApiCommandResourceType getApiResourceType() {
        return null;
    }

    @SuppressWarnings("rawtypes")
    public Map<String, String> convertDetailsToMap(Map details) {
        return null;
    }

    @SuppressWarnings("rawtypes")
    public Map<String, String> convertExternalDetailsToMap(Map details) {
        return null;
    }
}
