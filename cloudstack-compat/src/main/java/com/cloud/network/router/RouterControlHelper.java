package com.cloud.network.router;

public class RouterControlHelper {

    public RouterControlHelper() {
    }

    public String getRouterControlIp(long routerId) {
        return null;
    }

    public String getRouterIpInNetwork(long networkId, long instanceId) {
        return null;
    }
}
