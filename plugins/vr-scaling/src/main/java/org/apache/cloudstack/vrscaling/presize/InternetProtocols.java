package org.apache.cloudstack.vrscaling.presize;

import com.cloud.utils.net.NetUtils;

/** Reads the internet-protocol detail of an offering as the enum its creation takes. */
final class InternetProtocols {
    private InternetProtocols() {
    }

    /** Null stays null (IPv4-only offerings carry no detail); an unknown value refuses the copy. */
    static NetUtils.InternetProtocol parse(String value, long offeringId) {
        if (value == null) {
            return null;
        }
        for (NetUtils.InternetProtocol protocol : NetUtils.InternetProtocol.values()) {
            if (protocol.name().equalsIgnoreCase(value.trim())) {
                return protocol;
            }
        }
        throw new PresizeRefusedException("offering " + offeringId + " has an unknown internet protocol " + value);
    }
}
