package org.apache.cloudstack.vrscaling.presize;

import org.apache.cloudstack.vrscaling.VrScalingSettings;
import org.apache.cloudstack.vrscaling.binding.BindingStore;
import org.apache.cloudstack.vrscaling.lifecycle.LifecycleEvents;
import org.apache.cloudstack.vrscaling.lifecycle.ProfileBindings;

import com.cloud.network.dao.NetworkDao;
import com.cloud.network.vpc.dao.VpcDao;
import com.cloud.vm.dao.NicDao;
import com.cloud.vm.dao.VMInstanceDao;

/** The real pre-sizing service and offering switcher, for flow tests in other packages. */
public final class PresizeWiring {
    private PresizeWiring() {
    }

    public static PresizeService presizeService(BindingStore bindingStore, ProfileBindings bindings,
                                                DerivedNetworkOfferings networkOfferings,
                                                DerivedVpcOfferings vpcOfferings, OfferingSwitcher switcher,
                                                NetworkDao networkDao, VpcDao vpcDao, VrScalingSettings settings,
                                                LifecycleEvents events) {
        PresizeService service = new PresizeService();
        service.bindingStore = bindingStore;
        service.bindings = bindings;
        service.networkOfferings = networkOfferings;
        service.vpcOfferings = vpcOfferings;
        service.switcher = switcher;
        service.networkDao = networkDao;
        service.vpcDao = vpcDao;
        service.settings = settings;
        service.events = events;
        return service;
    }

    public static OfferingSwitcher switcher(NetworkDao networkDao, VpcDao vpcDao, NicDao nicDao,
                                            VMInstanceDao vmInstanceDao) {
        OfferingSwitcher switcher = new OfferingSwitcher();
        switcher.networkDao = networkDao;
        switcher.vpcDao = vpcDao;
        switcher.nicDao = nicDao;
        switcher.vmInstanceDao = vmInstanceDao;
        return switcher;
    }
}
