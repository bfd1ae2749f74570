package com.cloud.hypervisor;

public class Hypervisor {

    // A class (not an enum) with singleton constants, as in recent CloudStack. Comparing with == or equals()
    // and calling name()/toString() compiles against both; switch statements do not, so avoid them.
    public static class HypervisorType {
        public static final HypervisorType None = new HypervisorType("None");
        public static final HypervisorType XenServer = new HypervisorType("XenServer");
        public static final HypervisorType KVM = new HypervisorType("KVM");
        public static final HypervisorType VMware = new HypervisorType("VMware");
        public static final HypervisorType Hyperv = new HypervisorType("Hyperv");
        public static final HypervisorType VirtualBox = new HypervisorType("VirtualBox");
        public static final HypervisorType Parralels = new HypervisorType("Parralels");
        public static final HypervisorType BareMetal = new HypervisorType("BareMetal");
        public static final HypervisorType Simulator = new HypervisorType("Simulator");
        public static final HypervisorType Ovm = new HypervisorType("Ovm");
        public static final HypervisorType Ovm3 = new HypervisorType("Ovm3");
        public static final HypervisorType LXC = new HypervisorType("LXC");
        public static final HypervisorType Custom = new HypervisorType("Custom");
        public static final HypervisorType External = new HypervisorType("External");
        public static final HypervisorType Any = new HypervisorType("Any");

        private final String name;

        public HypervisorType(String name) {
            this.name = name;
        }

        public static HypervisorType getType(String hypervisor) {
            return null;
        }

        public static HypervisorType[] values() {
            return null;
        }

        public static HypervisorType valueOf(String name) {
            return null;
        }

        public String getHypervisorDisplayName() {
            return null;
        }

        public String name() {
            return name;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
