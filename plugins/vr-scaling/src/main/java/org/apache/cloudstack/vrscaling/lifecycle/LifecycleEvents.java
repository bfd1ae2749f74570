package org.apache.cloudstack.vrscaling.lifecycle;

import org.apache.cloudstack.api.ApiCommandResourceType;
import org.apache.cloudstack.vrscaling.binding.BindingScope;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import com.cloud.event.ActionEventUtils;
import com.cloud.user.Account;
import com.cloud.user.User;

/** Records what the automatic path did as CloudStack events (listEvents, UI), attributed to the system account. */
public class LifecycleEvents {
    /** EventVO's level words. */
    static final String LEVEL_INFO = "INFO";
    static final String LEVEL_WARN = "WARN";
    static final String LEVEL_ERROR = "ERROR";

    private static final Logger LOG = LogManager.getLogger(LifecycleEvents.class);

    public void info(String type, String description, BindingScope scope) {
        record(LEVEL_INFO, type, description, scope);
    }

    public void warn(String type, String description, BindingScope scope) {
        record(LEVEL_WARN, type, description, scope);
    }

    public void error(String type, String description, BindingScope scope) {
        record(LEVEL_ERROR, type, description, scope);
    }

    private void record(String level, String type, String description, BindingScope scope) {
        try {
            ActionEventUtils.onCompletedActionEvent(User.UID_SYSTEM, Account.ACCOUNT_ID_SYSTEM, level, type,
                    description, scope == null ? null : scope.getId(), scope == null ? null
                            : (scope.isVpc() ? ApiCommandResourceType.Vpc : ApiCommandResourceType.Network).toString(),
                    0);
        } catch (RuntimeException e) {
            // An event that cannot be stored must not turn a logged outcome into a failure.
            LOG.warn("Could not record event {} ({}): {}", type, description, e.getMessage());
        }
    }
}
