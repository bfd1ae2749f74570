package com.cloud.vm;

// Subset of the real interface: only the Param key type, for VirtualMachineManager.start's overload set.
public interface VirtualMachineProfile {

    class Param {
        private final String name;

        public Param(String name) {
            this.name = name;
        }

        public String getName() {
            return name;
        }
    }
}
