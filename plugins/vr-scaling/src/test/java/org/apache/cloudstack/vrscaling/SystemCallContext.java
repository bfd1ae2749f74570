package org.apache.cloudstack.vrscaling;

import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import org.apache.cloudstack.context.CallContext;
import org.junit.rules.ExternalResource;

import com.cloud.user.Account;
import com.cloud.user.User;
import com.cloud.utils.db.EntityManager;

/**
 * VR Scale's background work runs as CloudStack's system user: {@code CallContext.register(User.UID_SYSTEM,
 * Account.ACCOUNT_ID_SYSTEM)}. The real CallContext looks that user and account up through the EntityManager the
 * management server gives it at start ({@code CallContext.init}); without one it throws and the work never runs.
 * This rule gives it, for each test, an EntityManager that knows exactly those two rows, and takes it away after.
 * (The compat stand-in registers nothing, so there the rule changes nothing.)
 */
public final class SystemCallContext extends ExternalResource {

    @Override
    protected void before() {
        CallContext.init(systemRows());
    }

    @Override
    protected void after() {
        CallContext.init(null);
    }

    private static EntityManager systemRows() {
        Account account = mock(Account.class);
        lenient().when(account.getId()).thenReturn(Account.ACCOUNT_ID_SYSTEM);
        User user = mock(User.class);
        lenient().when(user.getId()).thenReturn(User.UID_SYSTEM);
        EntityManager entities = mock(EntityManager.class);
        lenient().when(entities.findById(Account.class, Account.ACCOUNT_ID_SYSTEM)).thenReturn(account);
        lenient().when(entities.findById(User.class, User.UID_SYSTEM)).thenReturn(user);
        return entities;
    }
}
