package org.apache.cloudstack.vrscaling.agent.delivery;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Accepts only IP literals as a router address: no host names, no shell or option syntax, no DNS lookups. */
public final class RouterAddress {
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private RouterAddress() {
    }

    public static boolean isIpLiteral(String address) {
        if (address == null) {
            return false;
        }
        if (IPV4.matcher(address).matches()) {
            return true;
        }
        if (!address.contains(":") || !IPV6_CHARACTERS.matcher(address).matches()) {
            return false;
        }
        try {
            // Brackets make the JDK parse it as an IPv6 literal and never resolve it.
            InetAddress parsed = InetAddress.getByName("[" + address + "]");
            return parsed instanceof Inet6Address || address.contains(".");
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A printable, bounded rendering of an untrusted value for messages and logs. */
    public static String describe(String value) {
        if (value == null) {
            return "(none)";
        }
        String printable = value.replaceAll("[^\\x20-\\x7e]", "?");
        return "'" + (printable.length() > 64 ? printable.substring(0, 64) + "..." : printable) + "'";
    }
}
