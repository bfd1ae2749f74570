package org.apache.cloudstack.framework.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.cloud.utils.Pair;
import com.cloud.utils.Ternary;

// Compile-only stand-in: getters return the constructor values; value() parses the default value only
// (no configuration store, no scopes, no multiplier).
public class ConfigKey<T> {

    public static final String CATEGORY_ADVANCED = "Advanced";
    public static final String CATEGORY_ALERT = "Alert";
    public static final String CATEGORY_NETWORK = "Network";
    public static final String CATEGORY_SYSTEM = "System";

    public static final Ternary<String, String, Long> GROUP_MISCELLANEOUS =
            new Ternary<>("Miscellaneous", "Miscellaneous configuration", 999L);
    public static final Ternary<String, String, Long> GROUP_ACCESS =
            new Ternary<>("Access", "Identity and Access management configuration", 1L);
    public static final Ternary<String, String, Long> GROUP_COMPUTE = new Ternary<>("Compute", "Compute configuration", 2L);
    public static final Ternary<String, String, Long> GROUP_STORAGE = new Ternary<>("Storage", "Storage configuration", 3L);
    public static final Ternary<String, String, Long> GROUP_NETWORK = new Ternary<>("Network", "Network configuration", 4L);
    public static final Ternary<String, String, Long> GROUP_HYPERVISOR =
            new Ternary<>("Hypervisor", "Hypervisor specific configuration", 5L);
    public static final Ternary<String, String, Long> GROUP_MANAGEMENT_SERVER =
            new Ternary<>("Management Server", "Management Server configuration", 6L);
    public static final Ternary<String, String, Long> GROUP_SYSTEM_VMS =
            new Ternary<>("System VMs", "System VMs related configuration", 7L);
    public static final Ternary<String, String, Long> GROUP_INFRASTRUCTURE =
            new Ternary<>("Infrastructure", "Infrastructure configuration", 8L);
    public static final Ternary<String, String, Long> GROUP_USAGE_SERVER =
            new Ternary<>("Usage Server", "Usage Server related configuration", 9L);

    public static final Pair<String, Long> SUBGROUP_OTHERS = new Pair<>("Others", 999L);
    public static final Pair<String, Long> SUBGROUP_ACCOUNT = new Pair<>("Account", 1L);
    public static final Pair<String, Long> SUBGROUP_DOMAIN = new Pair<>("Domain", 2L);
    public static final Pair<String, Long> SUBGROUP_PROJECT = new Pair<>("Project", 3L);
    public static final Pair<String, Long> SUBGROUP_LDAP = new Pair<>("LDAP", 4L);
    public static final Pair<String, Long> SUBGROUP_SAML = new Pair<>("SAML", 5L);
    public static final Pair<String, Long> SUBGROUP_VIRTUAL_MACHINE = new Pair<>("Virtual Machine", 1L);
    public static final Pair<String, Long> SUBGROUP_KUBERNETES = new Pair<>("Kubernetes", 2L);
    public static final Pair<String, Long> SUBGROUP_HIGH_AVAILABILITY = new Pair<>("High Availability", 3L);
    public static final Pair<String, Long> SUBGROUP_IMAGES = new Pair<>("Images", 1L);
    public static final Pair<String, Long> SUBGROUP_VOLUME = new Pair<>("Volume", 2L);
    public static final Pair<String, Long> SUBGROUP_SNAPSHOT = new Pair<>("Snapshot", 3L);
    public static final Pair<String, Long> SUBGROUP_VM_SNAPSHOT = new Pair<>("VM Snapshot", 4L);
    public static final Pair<String, Long> SUBGROUP_NETWORK = new Pair<>("Network", 1L);
    public static final Pair<String, Long> SUBGROUP_DHCP = new Pair<>("DHCP", 2L);
    public static final Pair<String, Long> SUBGROUP_VPC = new Pair<>("VPC", 3L);
    public static final Pair<String, Long> SUBGROUP_LOADBALANCER = new Pair<>("LoadBalancer", 4L);
    public static final Pair<String, Long> SUBGROUP_API = new Pair<>("API", 1L);
    public static final Pair<String, Long> SUBGROUP_ALERTS = new Pair<>("Alerts", 2L);
    public static final Pair<String, Long> SUBGROUP_EVENTS = new Pair<>("Events", 3L);
    public static final Pair<String, Long> SUBGROUP_SECURITY = new Pair<>("Security", 4L);
    public static final Pair<String, Long> SUBGROUP_USAGE = new Pair<>("Usage", 1L);
    public static final Pair<String, Long> SUBGROUP_LIMITS = new Pair<>("Limits", 6L);
    public static final Pair<String, Long> SUBGROUP_JOBS = new Pair<>("Jobs", 7L);
    public static final Pair<String, Long> SUBGROUP_AGENT = new Pair<>("Agent", 8L);
    public static final Pair<String, Long> SUBGROUP_HYPERVISOR = new Pair<>("Hypervisor", 1L);
    public static final Pair<String, Long> SUBGROUP_KVM = new Pair<>("KVM", 2L);
    public static final Pair<String, Long> SUBGROUP_VMWARE = new Pair<>("VMware", 3L);
    public static final Pair<String, Long> SUBGROUP_XENSERVER = new Pair<>("XenServer", 4L);
    public static final Pair<String, Long> SUBGROUP_OVM = new Pair<>("OVM", 5L);
    public static final Pair<String, Long> SUBGROUP_BAREMETAL = new Pair<>("Baremetal", 6L);
    public static final Pair<String, Long> SUBGROUP_CONSOLE_PROXY_VM = new Pair<>("ConsoleProxyVM", 1L);
    public static final Pair<String, Long> SUBGROUP_SEC_STORAGE_VM = new Pair<>("SecStorageVM", 2L);
    public static final Pair<String, Long> SUBGROUP_VIRTUAL_ROUTER = new Pair<>("VirtualRouter", 3L);
    public static final Pair<String, Long> SUBGROUP_DIAGNOSTICS = new Pair<>("Diagnostics", 4L);
    public static final Pair<String, Long> SUBGROUP_PRIMARY_STORAGE = new Pair<>("Primary Storage", 1L);
    public static final Pair<String, Long> SUBGROUP_SECONDARY_STORAGE = new Pair<>("Secondary Storage", 2L);
    public static final Pair<String, Long> SUBGROUP_BACKUP_AND_RECOVERY = new Pair<>("Backup & Recovery", 1L);
    public static final Pair<String, Long> SUBGROUP_CERTIFICATE_AUTHORITY = new Pair<>("Certificate Authority", 2L);
    public static final Pair<String, Long> SUBGROUP_QUOTA = new Pair<>("Quota", 3L);
    public static final Pair<String, Long> SUBGROUP_CLOUDIAN = new Pair<>("Cloudian", 4L);
    public static final Pair<String, Long> SUBGROUP_DRS = new Pair<>("DRS", 4L);

    public enum Scope {
        Global(null, 1),
        Zone(Global, 1 << 1),
        Cluster(Zone, 1 << 2),
        StoragePool(Cluster, 1 << 3),
        ManagementServer(Global, 1 << 4),
        ImageStore(Zone, 1 << 5),
        Domain(Global, 1 << 6),
        Account(Domain, 1 << 7);

        private final Scope parent;
        private final int bitValue;

        Scope(Scope parent, int bitValue) {
            this.parent = parent;
            this.bitValue = bitValue;
        }

        public Scope getParent() {
            return parent;
        }

        public int getBitValue() {
            return bitValue;
        }

        public boolean isDescendantOf(Scope other) {
            return false;
        }

        public static List<Scope> getAllDescendants(String str) {
            return null;
        }

        public static List<Scope> decode(int bitmask) {
            return null;
        }

        public static String decodeAsCsv(int bitmask) {
            return null;
        }

        public static int getBitmask(Scope... scopes) {
            return 0;
        }
    }

    public enum Kind {
        CSV, Order, Select, WhitespaceSeparatedListWithOptions
    }

    private final String category;
    private final Class<T> type;
    private final String name;
    private final String defaultValue;
    private final String description;
    private final String displayText;
    private final List<Scope> scopes;
    private final boolean isDynamic;
    private final String parent;
    private final Ternary<String, String, Long> group;
    private final Pair<String, Long> subGroup;
    private final Kind kind;
    private final String options;
    private final T multiplier;

    public ConfigKey(String category, Class<T> type, String name, String defaultValue, String description, boolean isDynamic,
            Scope scope) {
        this(type, name, category, defaultValue, description, isDynamic, scope, null);
    }

    public ConfigKey(String category, Class<T> type, String name, String defaultValue, String description, boolean isDynamic,
            List<Scope> scopes) {
        this(type, name, category, defaultValue, description, isDynamic, scopes, null);
    }

    public ConfigKey(String category, Class<T> type, String name, String defaultValue, String description, boolean isDynamic,
            Scope scope, String parent) {
        this(type, name, category, defaultValue, description, isDynamic, scope, null, null, parent, null, null, null, null);
    }

    public ConfigKey(String category, Class<T> type, String name, String defaultValue, String description, boolean isDynamic) {
        this(type, name, category, defaultValue, description, isDynamic, Scope.Global, null);
    }

    public ConfigKey(String category, Class<T> type, String name, String defaultValue, String description, boolean isDynamic,
            Kind kind, String options) {
        this(type, name, category, defaultValue, description, isDynamic, Scope.Global, null, null, null, null, null, kind, options);
    }

    public ConfigKey(String category, Class<T> type, String name, String defaultValue, String description, boolean isDynamic,
            String parent) {
        this(type, name, category, defaultValue, description, isDynamic, Scope.Global, null, null, parent, null, null, null, null);
    }

    public ConfigKey(Class<T> type, String name, String category, String defaultValue, String description, boolean isDynamic,
            Scope scope, T multiplier) {
        this(type, name, category, defaultValue, description, isDynamic, scope, multiplier, null, null, null, null, null, null);
    }

    public ConfigKey(Class<T> type, String name, String category, String defaultValue, String description, boolean isDynamic,
            List<Scope> scopes, T multiplier) {
        this(type, name, category, defaultValue, description, isDynamic, scopes, multiplier, null, null, null, null, null, null);
    }

    public ConfigKey(Class<T> type, String name, String category, String defaultValue, String description, boolean isDynamic,
            Scope scope, T multiplier, String parent) {
        this(type, name, category, defaultValue, description, isDynamic, scope, multiplier, null, parent, null, null, null, null);
    }

    public ConfigKey(Class<T> type, String name, String category, String defaultValue, String description, boolean isDynamic,
            Scope scope, T multiplier, String displayText, String parent, Ternary<String, String, Long> group,
            Pair<String, Long> subGroup) {
        this(type, name, category, defaultValue, description, isDynamic, scope, multiplier, displayText, parent, group, subGroup,
                null, null);
    }

    public ConfigKey(Class<T> type, String name, String category, String defaultValue, String description, boolean isDynamic,
            Scope scope, T multiplier, String displayText, String parent, Ternary<String, String, Long> group,
            Pair<String, Long> subGroup, Kind kind, String options) {
        this(type, name, category, defaultValue, description, isDynamic,
                scope == null ? null : Collections.singletonList(scope), multiplier, displayText, parent, group, subGroup,
                kind, options);
    }

    public ConfigKey(Class<T> type, String name, String category, String defaultValue, String description, boolean isDynamic,
            List<Scope> scopes, T multiplier, String displayText, String parent, Ternary<String, String, Long> group,
            Pair<String, Long> subGroup, Kind kind, String options) {
        this.category = category;
        this.type = type;
        this.name = name;
        this.defaultValue = defaultValue;
        this.description = description;
        this.displayText = displayText;
        this.scopes = scopes == null ? new ArrayList<>() : new ArrayList<>(scopes);
        this.isDynamic = isDynamic;
        this.multiplier = multiplier;
        this.parent = parent;
        this.group = group;
        this.subGroup = subGroup;
        this.kind = kind;
        this.options = options;
    }

    @Deprecated
    public ConfigKey(Class<T> type, String name, String category, String defaultValue, String description, boolean isDynamic) {
        this(type, name, category, defaultValue, description, isDynamic, Scope.Global, null);
    }

    public ConfigKey(Class<T> type, String name, String category, String defaultValue, String description, boolean isDynamic,
            String parent) {
        this(type, name, category, defaultValue, description, isDynamic, Scope.Global, null, null, parent, null, null);
    }

    public String category() {
        return category;
    }

    public Class<T> type() {
        return type;
    }

    public final String key() {
        return name;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public String displayText() {
        return displayText;
    }

    public List<Scope> getScopes() {
        return scopes;
    }

    public boolean isDynamic() {
        return isDynamic;
    }

    public Ternary<String, String, Long> group() {
        return group;
    }

    public Pair<String, Long> subGroup() {
        return subGroup;
    }

    public final String parent() {
        return parent;
    }

    public final Kind kind() {
        return kind;
    }

    public final String options() {
        return options;
    }

    public T multiplier() {
        return multiplier;
    }

    @Override
    public String toString() {
        return name;
    }

    public boolean isSameKeyAs(Object obj) {
        return false;
    }

    // The parsed default value: the only "value" a stand-in can have.
    @SuppressWarnings("unchecked")
    public T value() {
        if (defaultValue == null) {
            return null;
        }
        if (type == Integer.class) {
            return (T) Integer.valueOf(defaultValue);
        } else if (type == Long.class) {
            return (T) Long.valueOf(defaultValue);
        } else if (type == Float.class) {
            return (T) Float.valueOf(defaultValue);
        } else if (type == Double.class) {
            return (T) Double.valueOf(defaultValue);
        } else if (type == Boolean.class) {
            return (T) Boolean.valueOf(defaultValue);
        } else if (type == String.class) {
            return (T) defaultValue;
        }
        return null;
    }

    public T valueInScope(Scope scope, Long id) {
        return value();
    }

    public T valueIn(Long id) {
        return value();
    }

    public boolean isGlobalOrEmptyScope() {
        return false;
    }

    public int getScopeBitmask() {
        return 0;
    }
}
