package com.cloud.utils.net;

// Subset of the real class: only the InternetProtocol enum is declared.
public class NetUtils {

    public NetUtils() {
    }

    public enum InternetProtocol {
        IPv4, IPv6, DualStack;

        // Case-insensitive name lookup, as in CloudStack: blank gives null, an unknown name is rejected.
        public static InternetProtocol fromValue(String protocol) {
            if (protocol == null || protocol.chars().allMatch(Character::isWhitespace)) {
                return null;
            }
            for (InternetProtocol candidate : values()) {
                if (candidate.name().equalsIgnoreCase(protocol)) {
                    return candidate;
                }
            }
            throw new IllegalArgumentException("Unexpected Internet Protocol : " + protocol);
        }
    }
}
