package org.apache.cloudstack.vrscaling.discovery;

import java.util.Locale;

/**
 * CloudMonkey's (Go cmk 6.x) rules, re-stated from apache/cloudstack-cloudmonkey: config/cache.go UpdateCache (the
 * verb/noun split) and cli/completer.go findAutocompleteAPI (which list API completes an argument).
 */
final class CloudMonkeyRules {
    private CloudMonkeyRules() {
    }

    /** The verb: the leading run of lowercase letters of the API name. */
    static String verb(String apiName) {
        int i = 0;
        while (i < apiName.length() && Character.isLowerCase(apiName.charAt(i))) {
            i++;
        }
        return apiName.substring(0, i);
    }

    /** The noun: the rest of the API name, lowercased. */
    static String noun(String apiName) {
        return apiName.substring(verb(apiName).length()).toLowerCase(Locale.ROOT);
    }

    /**
     * The noun of the list API cmk asks for values of {@code argName} (its first, exact-match heuristic), or null for
     * map arguments, which it never completes.
     */
    static String completionNoun(String argName, String argType, String apiName) {
        if ("map".equals(argType)) {
            return null;
        }
        switch (argName) {
            case "id":
            case "ids":
                return "list".equals(verb(apiName)) ? noun(apiName) : noun(apiName) + "s";
            case "account":
                return "accounts";
            case "ipaddressid":
                return "publicipaddresses";
            case "storageid":
                return "storagepools";
            case "associatednetworkid":
                return "networks";
            default:
                int cut = argName.length();
                if (argName.endsWith("id")) {
                    cut -= 2;
                } else if (argName.endsWith("ids")) {
                    cut -= 3;
                }
                return argName.substring(0, cut) + "s";
        }
    }

    /** True for the arguments cmk tries to complete from a list API: ids and account. */
    static boolean completesFromListApi(String argName, String argType) {
        return !"map".equals(argType) && !"boolean".equals(argType)
                && (argName.endsWith("id") || argName.endsWith("ids") || "account".equals(argName));
    }
}
