package com.cloud.agent.api.routing;

import java.util.HashMap;
import java.util.Map;

import com.cloud.agent.api.Command;

public abstract class NetworkElementCommand extends Command {

    public static final String ACCOUNT_ID = "account.id";
    public static final String GUEST_NETWORK_CIDR = "guest.network.cidr";
    public static final String GUEST_NETWORK_GATEWAY = "guest.network.gateway";
    public static final String GUEST_VLAN_TAG = "guest.vlan.tag";
    public static final String ROUTER_NAME = "router.name";
    public static final String ROUTER_IP = "router.ip";
    public static final String ROUTER_GUEST_IP = "router.guest.ip";
    public static final String ZONE_NETWORK_TYPE = "zone.network.type";
    public static final String GUEST_BRIDGE = "guest.bridge";
    public static final String VPC_PRIVATE_GATEWAY = "vpc.gateway.private";
    public static final String FIREWALL_EGRESS_DEFAULT = "firewall.egress.default";
    public static final String NETWORK_PUB_LAST_IP = "network.public.last.ip";
    public static final String HYPERVISOR_HOST_PRIVATE_IP = "hypervisor.private.ip";

    // Access details behave like a plain map (allowed trivial storage; see README).
    HashMap<String, String> accessDetails = new HashMap<>(0);

    private String routerAccessIp;

    protected NetworkElementCommand() {
    }

    public void setAccessDetail(Map<String, String> details) {
        accessDetails.putAll(details);
    }

    public void setAccessDetail(String name, String value) {
        accessDetails.put(name, value);
    }

    public String getAccessDetail(String name) {
        return accessDetails.get(name);
    }

    @Override
    public boolean executeInSequence() {
        return false;
    }

    public String getRouterAccessIp() {
        return routerAccessIp;
    }

    public void setRouterAccessIp(String routerAccessIp) {
        this.routerAccessIp = routerAccessIp;
    }

    public int getAnswersCount() {
        return 0;
    }

    public boolean isQuery() {
        return false;
    }
}
