package org.apache.cloudstack.vrscaling.lifecycle;

import org.apache.cloudstack.framework.jobs.dao.AsyncJobDao;
import org.apache.cloudstack.vrscaling.VrScalingSettings;
import org.apache.cloudstack.vrscaling.binding.BindingStore;
import org.apache.cloudstack.vrscaling.core.tuning.TuningPort;
import org.apache.cloudstack.vrscaling.presize.PresizeService;
import org.apache.cloudstack.vrscaling.profile.ProfileService;
import org.apache.cloudstack.vrscaling.scale.RouterObserver;
import org.apache.cloudstack.vrscaling.scale.ScaleService;

import com.cloud.network.dao.NetworkDao;
import com.cloud.network.vpc.dao.VpcDao;
import com.cloud.service.dao.ServiceOfferingDao;
import com.cloud.vm.dao.DomainRouterDao;
import com.cloud.vm.dao.VMInstanceDetailsDao;

/** The real lifecycle objects wired to the given collaborators, for flow tests outside this package. */
public final class LifecycleWiring {
    public final ManualRunner runner = new ManualRunner();
    public final ProfileBindings bindings = new ProfileBindings();
    public final ReconcileService reconcile = new ReconcileService();
    public final RouterStateListener listener = new RouterStateListener();
    public final JobStateSubscriber subscriber = new JobStateSubscriber();
    public final FakeScopeLock scopeLock = new FakeScopeLock();

    public LifecycleWiring(BindingStore bindingStore, ProfileService profileService,
                           ServiceOfferingDao serviceOfferingDao, NetworkDao networkDao, VpcDao vpcDao,
                           DomainRouterDao routerDao, VMInstanceDetailsDao vmDetailsDao, VrScalingSettings settings,
                           TuningPort tuningPort, RouterObserver observer, ScaleService scaleService,
                           AsyncJobDao asyncJobDao, LifecycleEvents events) {
        bindings.bindingStore = bindingStore;
        bindings.profileService = profileService;
        bindings.serviceOfferingDao = serviceOfferingDao;
        bindings.networkDao = networkDao;
        bindings.vpcDao = vpcDao;
        bindings.routerDao = routerDao;
        bindings.settings = settings;
        bindings.scopeLock = scopeLock;

        reconcile.bindings = bindings;
        reconcile.bindingStore = bindingStore;
        reconcile.routerObserver = observer;
        reconcile.scaleService = scaleService;
        reconcile.asyncJobDao = asyncJobDao;
        reconcile.settings = settings;
        reconcile.runner = runner;
        reconcile.events = events;
        reconcile.scopeLock = scopeLock;
        reconcile.presizeService = org.mockito.Mockito.mock(PresizeService.class);
        reconcile.serviceOfferingDao = serviceOfferingDao;

        listener.routerDao = routerDao;
        listener.vmDetailsDao = vmDetailsDao;
        listener.bindings = bindings;
        listener.bindingStore = bindingStore;
        listener.tuningPort = tuningPort;
        listener.reconcileService = reconcile;
        listener.runner = runner;
        listener.events = events;
        listener.settings = settings;
        listener.serviceOfferingDao = serviceOfferingDao;

        subscriber.asyncJobDao = asyncJobDao;
        subscriber.bindings = bindings;
        subscriber.bindingStore = bindingStore;
        subscriber.reconcileService = reconcile;
        subscriber.runner = runner;
    }

    /** Lets a flow test run the reconcile with a real pre-sizing service instead of the default mock. */
    public void usePresize(PresizeService presize) {
        reconcile.presizeService = presize;
    }
}
