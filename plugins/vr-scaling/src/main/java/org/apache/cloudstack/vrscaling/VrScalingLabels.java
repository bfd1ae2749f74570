package org.apache.cloudstack.vrscaling;

import org.apache.cloudstack.api.Identity;

import com.cloud.network.Network;
import com.cloud.network.router.VirtualRouter;
import com.cloud.network.vpc.Vpc;
import com.cloud.network.vpc.VpcOffering;
import com.cloud.offering.NetworkOffering;
import com.cloud.offering.ServiceOffering;
import com.cloud.utils.db.EntityManager;
import com.cloud.vm.VirtualMachine;

/**
 * How VR Scale names a resource in event descriptions and notes: kind, name and UUID ("network web (uuid)"), the
 * way operators find it in the UI and the API. Database ids mean nothing outside the database.
 */
public final class VrScalingLabels {
    private VrScalingLabels() {
    }

    public static String network(Network network) {
        return label("network", network == null ? null : network.getName(), network);
    }

    public static String vpc(Vpc vpc) {
        return label("VPC", vpc == null ? null : vpc.getName(), vpc);
    }

    public static String router(VirtualMachine router) {
        return label("router", router == null ? null : router.getInstanceName(), router);
    }

    /** A service offering that is a VR Scale profile. */
    public static String profile(ServiceOffering profile) {
        return label("profile", profile == null ? null : profile.getName(), profile);
    }

    /** A service offering in general (what a router runs). */
    public static String offering(ServiceOffering offering) {
        return label("offering", offering == null ? null : offering.getName(), offering);
    }

    public static String networkOffering(NetworkOffering offering) {
        return label("network offering", offering == null ? null : offering.getName(), offering);
    }

    public static String vpcOffering(VpcOffering offering) {
        return label("VPC offering", offering == null ? null : offering.getName(), offering);
    }

    /**
     * The one target a command names (exactly one of the ids is set; they are database ids after the API resolved the
     * uuids), looked up to print its name and uuid.
     */
    public static String target(EntityManager entities, Long networkId, Long vpcId, Long routerId) {
        if (networkId != null) {
            return network(find(entities, Network.class, networkId));
        }
        if (vpcId != null) {
            return vpc(find(entities, Vpc.class, vpcId));
        }
        return router(find(entities, VirtualRouter.class, routerId));
    }

    /** A profile a command names by its database id. */
    public static String profile(EntityManager entities, Long profileId) {
        return profile(find(entities, ServiceOffering.class, profileId));
    }

    private static <T> T find(EntityManager entities, Class<T> type, Long id) {
        return entities == null || id == null ? null : entities.findById(type, id);
    }

    /** "network web (uuid)"; "network (not found)" when the entity is gone, never its id. */
    static String label(String kind, String name, Identity entity) {
        String uuid = entity == null ? null : entity.getUuid();
        if (uuid == null) {
            return name == null ? kind + " (not found)" : kind + " " + name;
        }
        return kind + " " + (name == null || name.isEmpty() ? "" : name + " ") + "(" + uuid + ")";
    }
}
