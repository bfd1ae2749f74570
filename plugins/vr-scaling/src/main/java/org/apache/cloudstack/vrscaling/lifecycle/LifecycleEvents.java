package org.apache.cloudstack.vrscaling.lifecycle;

import org.apache.cloudstack.api.ApiCommandResourceType;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import com.cloud.event.ActionEventUtils;
import com.cloud.user.Account;
import com.cloud.user.User;

/**
 * Records what the automatic path did as CloudStack events (listEvents, UI), attributed to the system account.
 * Descriptions name resources by name and UUID (BindingScope and VrScalingLabels print them so), never by id.
 */
public class LifecycleEvents {
    /** EventVO's level words. */
    static final String LEVEL_INFO = "INFO";
    static final String LEVEL_WARN = "WARN";
    static final String LEVEL_ERROR = "ERROR";
    /** No start event to link to. */
    public static final long NO_START = 0;

    private static final Logger LOG = LogManager.getLogger(LifecycleEvents.class);

    /**
     * Records that long work began (event state Started), so operators see it while it runs.
     *
     * @return the start event's id, to link its finish to; {@link #NO_START} when it could not be stored
     */
    public long started(String type, String description, BindingScope scope) {
        try {
            Long id = ActionEventUtils.onStartedActionEvent(User.UID_SYSTEM, Account.ACCOUNT_ID_SYSTEM, type,
                    description, resourceId(scope), resourceType(scope), true, NO_START);
            return id == null ? NO_START : id;
        } catch (RuntimeException e) {
            LOG.warn("Could not record event {} ({}): {}", type, description, e.getMessage());
            return NO_START;
        }
    }

    public void info(String type, String description, BindingScope scope) {
        info(type, description, scope, NO_START);
    }

    public void warn(String type, String description, BindingScope scope) {
        warn(type, description, scope, NO_START);
    }

    public void error(String type, String description, BindingScope scope) {
        error(type, description, scope, NO_START);
    }

    /** The finish of work whose start {@link #started} recorded: listEvents links the two by startid. */
    public void info(String type, String description, BindingScope scope, long startEventId) {
        record(LEVEL_INFO, type, description, scope, startEventId);
    }

    public void warn(String type, String description, BindingScope scope, long startEventId) {
        record(LEVEL_WARN, type, description, scope, startEventId);
    }

    public void error(String type, String description, BindingScope scope, long startEventId) {
        record(LEVEL_ERROR, type, description, scope, startEventId);
    }

    private void record(String level, String type, String description, BindingScope scope, long startEventId) {
        try {
            ActionEventUtils.onCompletedActionEvent(User.UID_SYSTEM, Account.ACCOUNT_ID_SYSTEM, level, type,
                    description, resourceId(scope), resourceType(scope), startEventId);
        } catch (RuntimeException e) {
            // An event that cannot be stored must not turn a logged outcome into a failure.
            LOG.warn("Could not record event {} ({}): {}", type, description, e.getMessage());
        }
    }

    private static Long resourceId(BindingScope scope) {
        return scope == null ? null : scope.getId();
    }

    private static String resourceType(BindingScope scope) {
        return scope == null ? null
                : (scope.isVpc() ? ApiCommandResourceType.Vpc : ApiCommandResourceType.Network).toString();
    }
}
